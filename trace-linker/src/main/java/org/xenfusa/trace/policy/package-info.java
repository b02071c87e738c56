/**
 * Trace policies: which artifact types each item type needs and which item types may cover it, which must be covered at
 * all, and when an item applies to a configuration (architecture, Kconfig symbols, board; from the item's location, its
 * tags or the policy). {@link org.xenfusa.trace.policy.TracePolicy#oft()} is OpenFastTrace's rules unchanged.
 */
package org.xenfusa.trace.policy;
