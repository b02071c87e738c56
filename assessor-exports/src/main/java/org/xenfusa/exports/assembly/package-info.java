/** Builds the documents' input (ReleaseEvidence) from configuration reports, the effort model and the one trace report. */
package org.xenfusa.exports.assembly;
