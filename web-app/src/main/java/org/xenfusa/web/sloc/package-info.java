/** Whole-tree SLOC of a snapshot, as cloc counts it. */
package org.xenfusa.web.sloc;
