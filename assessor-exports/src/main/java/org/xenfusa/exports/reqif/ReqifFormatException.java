package org.xenfusa.exports.reqif;

/** A file that is not usable ReqIF; the message names the file and, where known, the line or element. */
public final class ReqifFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public ReqifFormatException(String message) {
        super(message);
    }

    public ReqifFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
