package org.xenfusa.web.ingest;

/** A repository or ref that the user gave cannot be used; the message says what was wrong. */
public class InvalidRepositoryException extends Exception {
    public InvalidRepositoryException(String message) {
        super(message);
    }

    public InvalidRepositoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
