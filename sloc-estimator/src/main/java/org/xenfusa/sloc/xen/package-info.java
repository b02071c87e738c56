/** What is specific to Xen: its architectures and the range of releases the engine supports. */
package org.xenfusa.sloc.xen;
