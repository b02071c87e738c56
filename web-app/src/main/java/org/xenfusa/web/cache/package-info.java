/** Process-wide caches of open resources (git trees, counters), bounded by Caffeine and closed when no longer used. */
package org.xenfusa.web.cache;
