/** OpenFastTrace's linker and tracer rules on items, tags and links: the TraceGraph and its verdicts, identical to OFT 4.4.0. */
package org.xenfusa.trace.graph;
