/** The functions of C and assembly sources (name, lines, content hash) that links point at. */
package org.xenfusa.trace.function;
