/** The one entry point of traceability (Traceability) and its TraceReport: the verdict of every requirement overall and per configuration, which every page, command and document renders. */
package org.xenfusa.trace.report;
