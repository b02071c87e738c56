/** OpenFastTrace specification items and coverage tags read from Markdown, reStructuredText and code, one transition table per dialect. */
package org.xenfusa.trace.spec;
