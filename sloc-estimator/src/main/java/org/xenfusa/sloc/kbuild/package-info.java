/** Xen's Kbuild Makefiles evaluated without running make: which objects a configuration compiles, and the #include closure of each. */
package org.xenfusa.sloc.kbuild;
