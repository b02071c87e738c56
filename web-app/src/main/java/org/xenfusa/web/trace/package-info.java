/** Traceability pages and storage: requirements, links with review, test results, matrix, untraced code, suspect links; rendered from the trace report. */
package org.xenfusa.web.trace;
