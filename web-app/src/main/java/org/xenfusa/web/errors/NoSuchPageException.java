package org.xenfusa.web.errors;

/** A page number beyond a paged list (answered 404 with the message, which says how many pages there are). */
public class NoSuchPageException extends RuntimeException {
    public NoSuchPageException(String message) {
        super(message);
    }
}
