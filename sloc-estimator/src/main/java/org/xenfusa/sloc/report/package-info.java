/** Whole-tree SLOC reports (cloc's summary per language and directory) and the release order of tags. */
package org.xenfusa.sloc.report;
