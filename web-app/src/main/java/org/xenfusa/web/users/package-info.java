/** The Users page for ADMIN. */
package org.xenfusa.web.users;
