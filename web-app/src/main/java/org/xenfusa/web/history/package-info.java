/**
 * Pages across releases, read from stored analysis results (never computed on a request): a configuration's SLOC
 * and effort across release tags, and the readiness of every release per configuration.
 */
package org.xenfusa.web.history;
