package org.xenfusa.web.ingest;

import org.xenfusa.web.platform.InvalidInputException;

/**
 * A page asked for a repository registered by URL that this instance has not cloned yet: the clone runs in the
 * background and the page answers "not yet, reload in a moment" with how far it is (503, {@code Retry-After}), instead
 * of holding the request for the whole clone. A job asking for the same repository waits for the clone instead.
 */
public class CloneInProgressException extends InvalidInputException {
    public CloneInProgressException(String message) {
        super(message);
    }
}
