package org.xenfusa.web.dashboard;

import java.util.Comparator;

import org.xenfusa.model.source.Snapshot;
import org.xenfusa.sloc.report.ReleaseOrder;

/** How lists of snapshots are ordered on every page: by release number (as the charts), newest first. */
public final class Snapshots {
    /** {@code RELEASE-4.10.0} before {@code RELEASE-4.9.1} before {@code RELEASE-4.2.0}. */
    public static final Comparator<Snapshot> NEWEST_RELEASE_FIRST =
            Comparator.comparing(Snapshot::getRefName, ReleaseOrder.INSTANCE.reversed());

    /** The same order for bare ref names. */
    public static final Comparator<String> NEWEST_REF_FIRST = ReleaseOrder.INSTANCE.reversed();

    private Snapshots() {
    }
}
