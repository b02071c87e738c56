/**
 * MISRA C evidence of Xen, per configuration, in plain Java (no Spring, no database).
 *
 * <p>{@link org.xenfusa.misra.MisraRecordsReader} reads Xen's own records from a
 * {@link org.xenfusa.sloc.tree.SourceTree} (accepted guidelines, deviations, SAF ids, exclude list, ECLAIR's clean and
 * monitored sets) and {@link org.xenfusa.misra.SafCommentScanner} every in-code SAF comment. {@link
 * org.xenfusa.misra.FindingsImporter} imports analyser findings (SARIF 2.1.0, cppcheck XML version 2, the text report of
 * {@code xen-analysis.py}). {@link org.xenfusa.misra.MisraAnalysis} is the one entry point: it justifies each finding
 * as Xen's flow does ({@link org.xenfusa.misra.FindingMatcher}), keeps the findings in the code a configuration compiles
 * ({@link org.xenfusa.misra.MisraScope}, from sloc-estimator's configuration report) and gives the
 * {@link org.xenfusa.misra.MisraReport} that every page, command and document renders.
 */
package org.xenfusa.misra;
