package org.xenfusa.trace.suspect;

/** Why a link needs another review. */
public enum SuspectReason {
    /** The function's content hash differs between the two snapshots. */
    FUNCTION_CHANGED,
    /** The function's content differs from the hash the link was reviewed against. */
    FUNCTION_CHANGED_SINCE_REVIEW,
    /** The function is gone from the file in the later snapshot. */
    FUNCTION_REMOVED,
    /** The requirement has a new revision in the later snapshot. */
    REQUIREMENT_REVISED,
    /** The requirement is gone in the later snapshot. */
    REQUIREMENT_REMOVED
}
