package org.xenfusa.web.ingest;

/** A ref that names no commit of the repository (answered 404 on the web, with the message). */
public class UnknownRefException extends InvalidRepositoryException {
    public UnknownRefException(String message) {
        super(message);
    }
}
