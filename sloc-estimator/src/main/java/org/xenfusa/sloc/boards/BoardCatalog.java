package org.xenfusa.sloc.boards;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.xenfusa.sloc.kconfig.SymbolAssignment;
import org.xenfusa.sloc.xen.XenArch;

/**
 * The table of boards and drivers, read from a small text format (see {@code boards.txt} beside this
 * class): {@code driver KIND NAME SYMBOL FILE [needs S=V ...]} and
 * {@code board ID | TITLE | ARCH | PLATFORM | FILES | DRIVERS | SOURCE}.
 */
public record BoardCatalog(List<BoardDriver> drivers, List<Board> boards) {
    public BoardCatalog {
        drivers = List.copyOf(drivers);
        boards = List.copyOf(boards);
    }

    /** The table shipped with the project. */
    public static BoardCatalog shipped() {
        try (InputStream in = BoardCatalog.class.getResourceAsStream("boards.txt")) {
            if (in == null) {
                throw new IllegalStateException("boards.txt missing from the classpath");
            }
            return parse("boards.txt", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a table.
     *
     * @throws IllegalArgumentException naming the file and line of a malformed entry
     */
    public static BoardCatalog parse(String name, String text) {
        Map<String, BoardDriver> drivers = new LinkedHashMap<>();
        List<Board> boards = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            String where = name + ":" + (i + 1) + ": ";
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("driver ")) {
                String[] w = line.split("\\s+");
                if (w.length < 5 || (w.length > 5 && !w[5].equals("needs"))) {
                    throw new IllegalArgumentException(where + "expected 'driver uart|iommu NAME SYMBOL FILE [needs SYMBOL=VALUE ...]'");
                }
                BoardDriver.Kind kind;
                try {
                    kind = BoardDriver.Kind.valueOf(w[1].toUpperCase(java.util.Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(where + "driver kind is uart or iommu, not " + w[1]);
                }
                List<SymbolAssignment> needs = new ArrayList<>();
                for (int k = 6; k < w.length; k++) {
                    try {
                        needs.add(SymbolAssignment.parse(w[k]));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(where + e.getMessage());
                    }
                }
                drivers.put(w[2], new BoardDriver(kind, w[2], w[3], w[4], needs));
            } else if (line.startsWith("board ")) {
                String[] f = line.substring("board ".length()).split("\\|", -1);
                if (f.length != 7) {
                    throw new IllegalArgumentException(where + "expected 'board ID | TITLE | ARCH | PLATFORM | FILES | DRIVERS | SOURCE'");
                }
                XenArch arch;
                try {
                    arch = XenArch.of(f[2].strip());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(where + e.getMessage());
                }
                List<String> files = f[4].strip().equals("-") ? List.of() : Arrays.asList(f[4].strip().split("\\s+"));
                List<BoardDriver> boardDrivers = new ArrayList<>();
                for (String d : f[5].strip().split("\\s+")) {
                    if (d.isEmpty()) {
                        continue;
                    }
                    BoardDriver driver = drivers.get(d);
                    if (driver == null) {
                        throw new IllegalArgumentException(where + "unknown driver '" + d + "' (declare it with a 'driver' line first)");
                    }
                    boardDrivers.add(driver);
                }
                boards.add(new Board(f[0].strip(), f[1].strip(), arch, f[3].strip(), files, boardDrivers, f[6].strip()));
            } else {
                throw new IllegalArgumentException(where + "expected a 'driver' or 'board' line: " + line);
            }
        }
        return new BoardCatalog(List.copyOf(drivers.values()), boards);
    }

    public Optional<Board> board(String id) {
        return boards.stream().filter(b -> b.id().equals(id)).findFirst();
    }
}
