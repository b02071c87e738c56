/** Synthetic specification sets and timings for fusa bench trace (programs that print figures, never tests). */
package org.xenfusa.trace.bench;
