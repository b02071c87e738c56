/** One configuration's figures: Kconfig, Kbuild and #if evaluation put together into a ConfigurationReport (make-cloc, with headers, active lines) per file and directory. */
package org.xenfusa.sloc.config;
