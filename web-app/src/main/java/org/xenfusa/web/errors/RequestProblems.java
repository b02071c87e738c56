package org.xenfusa.web.errors;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.xenfusa.web.ingest.InvalidRefException;
import org.xenfusa.web.platform.InvalidInputException;
import org.xenfusa.web.ingest.UnknownRefException;

/**
 * What a request asked for that cannot be given, answered with its status and reason on the platform's error page
 * ({@link ErrorPages}; JSON under {@code /api}) instead of a failure (500): an unknown or invalid ref, a page
 * number beyond the last, an upload over the limit. (Feature packages depend on this one, never the reverse: their
 * own "not found" exceptions carry {@code @ResponseStatus}.)
 */
@ControllerAdvice
public class RequestProblems {
    private static final Logger log = LoggerFactory.getLogger(RequestProblems.class);

    /** A ref the repository does not have (compare, board, SLOC, trace pages given {@code ?ref=}). */
    @ExceptionHandler(UnknownRefException.class)
    void unknownRef(UnknownRefException e, HttpServletResponse response) throws IOException {
        response.sendError(HttpStatus.NOT_FOUND.value(), e.getMessage());
    }

    /** A ref that cannot name a commit: too long, bad syntax, ambiguous. */
    @ExceptionHandler(InvalidRefException.class)
    void invalidRef(InvalidRefException e, HttpServletResponse response) throws IOException {
        response.sendError(HttpStatus.BAD_REQUEST.value(), e.getMessage());
    }

    /**
     * A repository or ref that cannot be used for what was asked (its message names the problem); a repository that
     * cannot be read (an I/O failure underneath) is the server's failure, logged with its cause.
     */
    @ExceptionHandler(InvalidInputException.class)
    void invalidRepository(InvalidInputException e, HttpServletResponse response) throws IOException {
        if (e.getCause() instanceof IOException) {
            log.error("Repository unreadable: {}", e.getMessage(), e);
            response.sendError(HttpStatus.INTERNAL_SERVER_ERROR.value(), e.getMessage());
            return;
        }
        response.sendError(HttpStatus.BAD_REQUEST.value(), e.getMessage());
    }

    /** A repository this instance is still cloning for a page: not yet, with how far; the page reloads itself. */
    @ExceptionHandler(org.xenfusa.web.ingest.CloneInProgressException.class)
    void cloning(org.xenfusa.web.ingest.CloneInProgressException e, HttpServletResponse response) throws IOException {
        response.setHeader("Retry-After", "5");
        response.setHeader("Refresh", "5");
        response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value(), e.getMessage());
    }

    @ExceptionHandler(NoSuchPageException.class)
    void noSuchPage(NoSuchPageException e, HttpServletResponse response) throws IOException {
        response.sendError(HttpStatus.NOT_FOUND.value(), e.getMessage());
    }

    /**
     * A request to an upload address that is not a file upload (multipart/form-data), or whose parts cannot be read:
     * the client's mistake, not the server's (it answered 500).
     */
    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    void notAnUpload(org.springframework.web.multipart.MultipartException e, HttpServletResponse response)
            throws IOException {
        response.sendError(HttpStatus.BAD_REQUEST.value(), "this address takes a file upload (multipart/form-data"
                + " with the file and the form's fields); the request was not one");
    }

    /** An upload over the limit: {@link ErrorPages} gives the limits as the reason. */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    void tooLarge(MaxUploadSizeExceededException e, HttpServletResponse response) throws IOException {
        response.sendError(HttpStatus.CONTENT_TOO_LARGE.value());
    }
}
