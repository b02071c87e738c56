/**
 * Structural coverage in the web app: coverage data files uploaded per snapshot and configuration, the level a
 * configuration targets, and the page that renders coverage-evidence's {@link org.xenfusa.coverage.CoverageReport}.
 */
package org.xenfusa.web.coverage;
