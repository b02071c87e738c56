package org.xenfusa.sloc.boards;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.xenfusa.sloc.kconfig.SymbolAssignment;
import org.xenfusa.sloc.xen.XenArch;

/**
 * The table of boards and drivers, read from a small text format (see {@code boards.txt} beside this class):
 * <pre>
 * driver KIND NAME SYMBOL|- FILE [needs S=V ...]       KIND: gic, timer, uart or iommu; - when always built
 * board ID | TITLE | ARCH | PLATFORM | FILES | DRIVERS | SOURCE
 * uses DRIVER | SOURCE                                  a component of the board above, with what shows it
 * uses no KIND | SOURCE                                 Xen drives no such device on the board above
 * </pre>
 * Tables written before {@code uses} lines (drivers only in the DRIVERS column, no interrupt controller
 * or timer) still read: their drivers become components with the board's source, and
 * {@link Board#unrecordedEssentials()} says what they leave out.
 */
public record BoardCatalog(List<BoardDriver> drivers, List<Board> boards) {
    public BoardCatalog {
        drivers = List.copyOf(drivers);
        boards = List.copyOf(boards);
    }

    /** The table shipped with the project. */
    public static BoardCatalog shipped() {
        return parse("boards.txt", shippedText());
    }

    /** The text of the table shipped with the project. */
    public static String shippedText() {
        try (InputStream in = BoardCatalog.class.getResourceAsStream("boards.txt")) {
            if (in == null) {
                throw new IllegalStateException("boards.txt missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A board being read: its line's fields and its components so far. */
    private record Pending(String[] fields, String where, List<BoardComponent> components) {
    }

    /**
     * Reads a table.
     *
     * @throws IllegalArgumentException naming the file and line of a malformed entry
     */
    public static BoardCatalog parse(String name, String text) {
        Map<String, BoardDriver> drivers = new LinkedHashMap<>();
        List<Board> boards = new ArrayList<>();
        Pending pending = null;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            String where = name + ":" + (i + 1) + ": ";
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("driver ")) {
                BoardDriver d = driver(line, where);
                drivers.put(d.name(), d);
            } else if (line.startsWith("board ")) {
                if (pending != null) {
                    boards.add(board(pending));
                }
                String[] f = line.substring("board ".length()).split("\\|", -1);
                if (f.length != 7) {
                    throw new IllegalArgumentException(where + "expected 'board ID | TITLE | ARCH | PLATFORM | FILES | DRIVERS | SOURCE'");
                }
                List<BoardComponent> components = new ArrayList<>();
                for (String d : f[5].strip().split("\\s+")) {
                    if (d.isEmpty() || d.equals("-")) {
                        continue;
                    }
                    components.add(BoardComponent.of(known(drivers, d, where), f[6].strip()));
                }
                pending = new Pending(f, where, components);
            } else if (line.startsWith("uses ")) {
                if (pending == null) {
                    throw new IllegalArgumentException(where + "a 'uses' line belongs to the 'board' line above it; there is none");
                }
                uses(line, where, drivers, pending.components());
            } else {
                throw new IllegalArgumentException(where + "expected a 'driver', 'board' or 'uses' line: " + line);
            }
        }
        if (pending != null) {
            boards.add(board(pending));
        }
        return new BoardCatalog(List.copyOf(drivers.values()), boards);
    }

    private static BoardDriver driver(String line, String where) {
        String[] w = line.split("\\s+");
        if (w.length < 5 || (w.length > 5 && !w[5].equals("needs"))) {
            throw new IllegalArgumentException(where + "expected 'driver gic|timer|uart|iommu NAME SYMBOL|- FILE [needs SYMBOL=VALUE ...]'");
        }
        BoardDriver.Kind kind = kind(w[1], where);
        if (w[2].equals("none")) {
            throw new IllegalArgumentException(where + "'none' is not a driver name (it says a board has no such device)");
        }
        List<SymbolAssignment> needs = new ArrayList<>();
        for (int k = 6; k < w.length; k++) {
            try {
                needs.add(SymbolAssignment.parse(w[k]));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + e.getMessage());
            }
        }
        Optional<String> symbol = w[3].equals("-") ? Optional.empty() : Optional.of(w[3]);
        return new BoardDriver(kind, w[2], symbol, w[4], needs);
    }

    private static BoardDriver.Kind kind(String word, String where) {
        try {
            return BoardDriver.Kind.valueOf(word.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + "driver kind is gic, timer, uart or iommu, not " + word);
        }
    }

    private static BoardDriver known(Map<String, BoardDriver> drivers, String name, String where) {
        BoardDriver driver = drivers.get(name);
        if (driver == null) {
            throw new IllegalArgumentException(where + "unknown driver '" + name + "' (declare it with a 'driver' line first)");
        }
        return driver;
    }

    private static void uses(String line, String where, Map<String, BoardDriver> drivers, List<BoardComponent> components) {
        String[] f = line.substring("uses ".length()).split("\\|", 2);
        String source = f.length == 2 ? f[1].strip() : "";
        String[] what = f[0].strip().split("\\s+");
        if (source.isEmpty() || what.length == 0 || what[0].isEmpty() || what.length > 2 || (what.length == 2 && !what[0].equals("no"))) {
            throw new IllegalArgumentException(where + "expected 'uses DRIVER | SOURCE' or 'uses no KIND | SOURCE'"
                    + " (the source says what shows it: a device-tree compatible string, a Xen file, a Kconfig select)");
        }
        BoardComponent component = what.length == 2
                ? new BoardComponent(kind(what[1], where), Optional.empty(), source)
                : BoardComponent.of(known(drivers, what[0], where), source);
        for (int k = 0; k < components.size(); k++) {
            if (components.get(k).driver().isPresent() && components.get(k).driver().equals(component.driver())) {
                components.set(k, component); // listed in the DRIVERS column too: this line gives its source
                return;
            }
        }
        components.add(component);
    }

    private static Board board(Pending p) {
        String[] f = p.fields();
        XenArch arch;
        try {
            arch = XenArch.of(f[2].strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(p.where() + e.getMessage());
        }
        List<String> files = f[4].strip().equals("-") ? List.of() : Arrays.asList(f[4].strip().split("\\s+"));
        return new Board(f[0].strip(), f[1].strip(), arch, f[3].strip(), files, p.components(), f[6].strip());
    }

    public Optional<Board> board(String id) {
        return boards.stream().filter(b -> b.id().equals(id)).findFirst();
    }
}
