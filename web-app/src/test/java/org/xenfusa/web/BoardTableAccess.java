package org.xenfusa.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.xenfusa.sloc.boards.BoardCatalog;

/** The shipped board table's text, to put the shared database back as other tests expect it. */
final class BoardTableAccess {
    private BoardTableAccess() {
    }

    static String shipped() throws IOException {
        try (InputStream in = BoardCatalog.class.getResourceAsStream("boards.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
