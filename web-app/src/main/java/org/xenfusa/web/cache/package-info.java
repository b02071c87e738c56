/**
 * Process-wide caches: open resources (git trees, counters) bounded by Caffeine and closed when no longer used, and
 * results of expensive pages, each computed once however many ask at the same time.
 */
package org.xenfusa.web.cache;
