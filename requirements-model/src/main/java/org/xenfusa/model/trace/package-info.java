/** Stored requirements, links (with review state) and imported test results, with history. */
package org.xenfusa.model.trace;
