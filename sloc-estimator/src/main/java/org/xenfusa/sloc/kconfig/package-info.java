/** The Kconfig language as Xen's kconfig implements it: parse, evaluate (tristate arithmetic), resolve defconfig/allyes/allno/randconfig and write .config; probes answered by toolchain profiles. */
package org.xenfusa.sloc.kconfig;
