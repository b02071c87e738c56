package org.xenfusa.web.ingest;

import org.xenfusa.web.platform.InvalidInputException;

/** A ref that cannot name a commit at all: too long, a control character, bad revision syntax, an ambiguous id (400). */
public class InvalidRefException extends InvalidInputException {
    public InvalidRefException(String message) {
        super(message);
    }
}
