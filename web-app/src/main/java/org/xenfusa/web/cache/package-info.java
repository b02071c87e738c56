/** Results kept for the pages that are expensive to compute, each computed once however many ask at the same time. */
package org.xenfusa.web.cache;
