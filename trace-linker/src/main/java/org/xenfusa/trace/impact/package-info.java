/**
 * Change impact between two snapshots of one repository in one configuration: the compiled functions added, removed
 * and changed, the links made suspect, the requirements to re-review, the tests to re-run, and the SLOC and effort
 * deltas. {@link org.xenfusa.trace.impact.ChangeImpact} computes the one {@link org.xenfusa.trace.impact.ImpactReport}
 * every page, command and document renders.
 */
package org.xenfusa.trace.impact;
