package org.xenfusa.web.platform;

/**
 * What a user gave (a repository, ref, configuration, form value or file) cannot be used; the message says what was
 * wrong, and the pages and the API answer it with a 4xx status and that message.
 */
public class InvalidInputException extends Exception {
    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
