/**
 * The reference comparisons: what the platform computes on a Xen clone against what the reference tools (cloc 1.96,
 * Xen's kconfig and build) recorded in {@code reference-data/}. The exactness tests and {@code fusa qualify} both call
 * these, so the qualification report states the result of the very comparisons the tests make.
 */
package org.xenfusa.sloc.reference;
