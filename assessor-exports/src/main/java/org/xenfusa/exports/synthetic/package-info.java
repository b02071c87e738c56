/** Synthetic evidence of any size, for benchmarks of the writers. */
package org.xenfusa.exports.synthetic;
