package org.xenfusa.sloc.xen;

import java.util.Objects;

/**
 * The source tree is a Xen release the engine cannot evaluate exactly, so it gives no figure rather than a wrong
 * one: the message names the release and commit, what is unsupported, and the supported range.
 */
public final class UnsupportedXenReleaseException extends RuntimeException {
    private final String release;
    private final String commit;
    private final String reason;

    public UnsupportedXenReleaseException(String release, String commit, String reason) {
        super("unsupported Xen release: Xen " + (release.isEmpty() ? "(version unknown)" : release)
                + (commit.isEmpty() ? "" : " at commit " + commit) + ": " + reason + "; supported: "
                + XenSupport.SUPPORTED_RANGE);
        this.release = Objects.requireNonNull(release, "release");
        this.commit = Objects.requireNonNull(commit, "commit");
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** The version from {@code xen/Makefile}, e.g. {@code 4.12.0}; empty when unknown. */
    public String release() {
        return release;
    }

    /** The commit id; empty for a plain folder. */
    public String commit() {
        return commit;
    }

    /** What the engine does not support in this tree. */
    public String reason() {
        return reason;
    }
}
