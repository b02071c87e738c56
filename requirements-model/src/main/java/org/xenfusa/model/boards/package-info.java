/** The stored, ADMIN-edited board table. */
package org.xenfusa.model.boards;
