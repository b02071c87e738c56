package org.xenfusa.exports.evidence;

/** The file is not an evidence package at all (not a ZIP, or no readable MANIFEST.json). */
public final class NotAnEvidencePackageException extends Exception {
    private static final long serialVersionUID = 1L;

    public NotAnEvidencePackageException(String message, Throwable cause) {
        super(message, cause);
    }
}
