/** Line counting exactly as cloc 1.96 counts: language table, classification and comment filters; the counter-rules version lives here. */
package org.xenfusa.sloc.count;
