/** User accounts and roles. */
package org.xenfusa.model.user;
