/** Configuration pages: saved Kconfig configurations, their menu, SLOC figures, differences and trends across tags. */
package org.xenfusa.web.config;
