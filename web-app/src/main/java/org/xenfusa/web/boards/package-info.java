/** Board pages: the table (ADMIN edits with history), a board's minimal configuration and the files only it needs. */
package org.xenfusa.web.boards;
