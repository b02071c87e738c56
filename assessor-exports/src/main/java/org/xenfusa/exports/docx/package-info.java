/** The DOCX traceability-and-SLOC report and the readiness report. */
package org.xenfusa.exports.docx;
