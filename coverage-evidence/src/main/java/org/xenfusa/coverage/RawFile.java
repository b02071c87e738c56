package org.xenfusa.coverage;

import java.util.ArrayList;
import java.util.List;

/**
 * One source file's data as a reader found it, before it is placed in the snapshot: the path (or, for Cobertura, the
 * paths the {@code <source>} prefixes make) and, line by line, what the data says. The importer maps the path, checks
 * the lines against the snapshot's text and applies the counting rules of the data's origin ({@link Rules}).
 */
final class RawFile {
    /** How the lines are counted once placed. */
    enum Rules {
        /**
         * gcov's own data (gcov JSON): the rules gcovr applies when it reads gcov's output, which need the source text
         * (non-code lines, exclusion markers); see {@link SourceText}.
         */
        GCOV,
        /** A report made by gcovr (its JSON, its Cobertura): gcovr already applied its rules; lines as given. */
        GCOVR,
        /** Every other report (lcov, llvm-cov, Cobertura of other tools): lines as given, as the tool's summary counts. */
        AS_GIVEN
    }

    /** One line of data; {@code branches} and {@code conditions} may be null. */
    static final class Line {
        final int line;
        long count;
        long[] branches;
        ConditionOutcomes conditions;
        /** lcov's DA checksum (base64 MD5 of the line) or gcovr's {@code gcovr/md5} (hex); null when absent. */
        String checksum;
        /** The line of the data file the entry was read at, for problems (0 when unknown). */
        final long at;

        Line(int line, long count, long at) {
            this.line = line;
            this.count = count;
            this.at = at;
        }
    }

    final List<String> paths;
    final long at;
    Rules rules;
    final List<Line> lines = new ArrayList<>();
    final List<FunctionRecord> functions = new ArrayList<>();

    RawFile(List<String> paths, long at, Rules rules) {
        this.paths = List.copyOf(paths);
        this.at = at;
        this.rules = rules;
    }

    RawFile(String path, long at, Rules rules) {
        this(List.of(path), at, rules);
    }

    Line line(int line, long count, long at) {
        Line l = new Line(line, count, at);
        lines.add(l);
        return l;
    }

    /** The same data under another path (gcov's paths are relative to its working directory). */
    RawFile withPath(String path) {
        RawFile f = new RawFile(path, at, rules);
        f.lines.addAll(lines);
        f.functions.addAll(functions);
        return f;
    }

    String path() {
        return paths.get(0);
    }
}
