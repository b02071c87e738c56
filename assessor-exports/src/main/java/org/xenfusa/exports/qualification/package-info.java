/**
 * The tool qualification kit: {@code fusa qualify} runs the reference comparisons of
 * {@link org.xenfusa.sloc.reference} and {@link org.xenfusa.trace.oracle.OftReference} (the same code the exactness
 * tests call) on the user's machine and states the results, the environment and the claimed TCL/TQL argument in a JSON
 * document and a DOCX report.
 */
package org.xenfusa.exports.qualification;
