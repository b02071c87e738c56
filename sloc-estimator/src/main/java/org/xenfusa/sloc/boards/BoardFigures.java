package org.xenfusa.sloc.boards;

import java.util.List;
import java.util.Objects;

import org.xenfusa.sloc.config.LineFigures;

/**
 * One board's figures: its minimal configuration, and the make-cloc files it adds to the bare
 * configuration of its architecture (allnoconfig with {@code NO_PLAT}): the files only that board needs.
 */
public record BoardFigures(Board board, MinimalConfiguration configuration, List<String> boardOnlyFiles, LineFigures boardOnly) {
    public BoardFigures {
        Objects.requireNonNull(board, "board");
        Objects.requireNonNull(configuration, "configuration");
        boardOnlyFiles = List.copyOf(boardOnlyFiles);
        Objects.requireNonNull(boardOnly, "boardOnly");
    }
}
