/** The stored, ADMIN-edited effort model with its history. */
package org.xenfusa.model.effort;
