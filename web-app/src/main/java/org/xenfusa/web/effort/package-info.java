/** The effort model page (ADMIN edits with history). */
package org.xenfusa.web.effort;
