/** The change impact page: what changed between two releases in a configuration and what must be done again. */
package org.xenfusa.web.impact;
