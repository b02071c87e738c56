package org.xenfusa.exports.qualification;

/** Bad input to the kit (a path that is no Xen clone, tags missing, no reference data): the message says which. */
public final class QualificationException extends Exception {
    private static final long serialVersionUID = 1L;

    public QualificationException(String message) {
        super(message);
    }

    public QualificationException(String message, Throwable cause) {
        super(message, cause);
    }
}
