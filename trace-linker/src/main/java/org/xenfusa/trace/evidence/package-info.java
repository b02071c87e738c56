/** Test evidence: JUnit XML read securely, and what each requirement's linked tests say. */
package org.xenfusa.trace.evidence;
