/** Traceability of one configuration beyond OpenFastTrace: applicable items, coverage per level, traced and untraced code. */
package org.xenfusa.trace.config;
