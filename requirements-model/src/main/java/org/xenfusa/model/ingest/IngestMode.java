package org.xenfusa.model.ingest;

/** What an ingest job reads: one ref, the default branch, or every tag matching a pattern. */
public enum IngestMode {
    REF, DEFAULT_BRANCH, TAGS
}
