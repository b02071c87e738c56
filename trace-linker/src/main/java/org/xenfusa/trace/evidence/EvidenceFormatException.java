package org.xenfusa.trace.evidence;

import org.xenfusa.trace.spec.Location;

/** A result file that cannot be read, with the file and line where reading stopped. */
public final class EvidenceFormatException extends Exception {
    private final transient Location location;

    public EvidenceFormatException(Location location, String message, Throwable cause) {
        super(location + ": " + message, cause);
        this.location = location;
    }

    public Location location() {
        return location;
    }
}
