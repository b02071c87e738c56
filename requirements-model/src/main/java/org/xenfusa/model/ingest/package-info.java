/** Ingest jobs and the blob-count cache. */
package org.xenfusa.model.ingest;
