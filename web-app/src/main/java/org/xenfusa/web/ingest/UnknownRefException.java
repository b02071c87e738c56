package org.xenfusa.web.ingest;

import org.xenfusa.web.platform.InvalidInputException;

/** A ref that names no commit of the repository (answered 404 on the web, with the message). */
public class UnknownRefException extends InvalidInputException {
    public UnknownRefException(String message) {
        super(message);
    }
}
