/**
 * Link suggestions: a configuration's compiled functions ranked against a requirement's text with Apache Lucene
 * ({@link org.xenfusa.trace.suggest.FunctionSuggester}). A suggestion is only ever a draft link: never coverage.
 */
package org.xenfusa.trace.suggest;
