package org.xenfusa.sloc.tree;

/** A folder that is not a readable git repository; the message names the folder and what is wrong. */
public class GitRepositoryException extends Exception {
    private static final long serialVersionUID = 1L;

    public GitRepositoryException(String message) {
        super(message);
    }

    public GitRepositoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
