package org.xenfusa.web.ingest;

/** A ref that cannot name a commit at all: too long, a control character, bad revision syntax, an ambiguous id (400). */
public class InvalidRefException extends InvalidRepositoryException {
    public InvalidRefException(String message) {
        super(message);
    }
}
