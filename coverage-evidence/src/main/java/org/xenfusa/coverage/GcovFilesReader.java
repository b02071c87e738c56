package org.xenfusa.coverage;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

import static org.xenfusa.coverage.JsonCoverageReader.bool;
import static org.xenfusa.coverage.JsonCoverageReader.count;
import static org.xenfusa.coverage.JsonCoverageReader.expect;
import static org.xenfusa.coverage.JsonCoverageReader.line;
import static org.xenfusa.coverage.JsonCoverageReader.lineNumber;
import static org.xenfusa.coverage.JsonCoverageReader.number;
import static org.xenfusa.coverage.JsonCoverageReader.scalar;
import static org.xenfusa.coverage.JsonCoverageReader.where;

/**
 * The {@code files} array of gcov's JSON intermediate format and of gcovr's JSON (which is based on it), streamed: per
 * file its {@code file}, its {@code lines} ({@code line_number}, {@code count}, {@code branches[].count},
 * {@code conditions[]} of GCC 14 and gcovr 8, gcovr's {@code gcovr/noncode}, {@code gcovr/excluded} and
 * {@code gcovr/md5}) and {@code functions} ({@code demangled_name} or {@code name}, {@code start_line} or
 * {@code lineno}, {@code end_line}, {@code execution_count}, {@code gcovr/excluded}). Lines gcovr flagged noncode or
 * excluded, and branches, conditions and functions it flagged excluded, are left out here: gcovr's summary does not
 * count them. A condition entry ({@code count} outcomes, {@code not_covered_true}/{@code not_covered_false} term
 * indices) gives outcome {@code 2i} (term {@code i} true) and {@code 2i+1} (false); several entries on a line follow
 * each other.
 */
final class GcovFilesReader {
    private GcovFilesReader() {
    }

    /** Reads the array the parser is at the start of, up to its end. */
    static List<RawFile> read(JsonParser p) throws CoverageImporter.Refused {
        List<RawFile> files = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            expect(p, t, JsonToken.START_OBJECT, "files[]");
            files.add(file(p));
        }
        return files;
    }

    private static RawFile file(JsonParser p) throws CoverageImporter.Refused {
        long at = line(p);
        String path = null;
        List<RawFile.Line> lines = new ArrayList<>();
        List<FunctionRecord> functions = new ArrayList<>();
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String key = p.currentName();
            JsonToken t = p.nextToken();
            switch (key) {
                case "file" -> path = scalar(p, t, key);
                case "filename", "line_total", "line_covered" -> throw JsonCoverageReader.summary(p);
                case "lines" -> {
                    expect(p, t, JsonToken.START_ARRAY, key);
                    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                        expect(p, t, JsonToken.START_OBJECT, "lines[]");
                        RawFile.Line l = lineEntry(p, line(p));
                        if (l != null) {
                            lines.add(l);
                        }
                    }
                }
                case "functions" -> {
                    expect(p, t, JsonToken.START_ARRAY, key);
                    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                        expect(p, t, JsonToken.START_OBJECT, "functions[]");
                        FunctionRecord f = function(p);
                        if (f != null) {
                            functions.add(f);
                        }
                    }
                }
                default -> p.skipChildren();
            }
        }
        if (path == null || path.isBlank()) {
            throw new CoverageImporter.Refused(at, "a files[] entry without \"file\" (at line " + at + ")");
        }
        RawFile f = new RawFile(path, at, RawFile.Rules.GCOV);
        f.lines.addAll(lines);
        f.functions.addAll(functions);
        return f;
    }

    /** One line entry; null when gcovr flagged it noncode or excluded. */
    private static RawFile.Line lineEntry(JsonParser p, long at) throws CoverageImporter.Refused {
        int number = 0;
        long count = -1;
        boolean dropped = false;
        String md5 = null;
        List<Long> branches = null;
        ConditionOutcomes conditions = null;
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String key = p.currentName();
            JsonToken t = p.nextToken();
            switch (key) {
                case "line_number" -> number = lineNumber(p, t, key);
                case "count" -> count = count(p, t, key);
                case "gcovr/noncode", "gcovr/excluded" -> dropped |= bool(p, t, key);
                case "gcovr/md5" -> md5 = scalar(p, t, key);
                case "branches" -> {
                    expect(p, t, JsonToken.START_ARRAY, key);
                    branches = new ArrayList<>();
                    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                        expect(p, t, JsonToken.START_OBJECT, "branches[]");
                        long c = branch(p);
                        if (c >= 0) {
                            branches.add(c);
                        }
                    }
                }
                case "conditions" -> {
                    expect(p, t, JsonToken.START_ARRAY, key);
                    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                        expect(p, t, JsonToken.START_OBJECT, "conditions[]");
                        ConditionOutcomes c = condition(p);
                        if (c != null) {
                            conditions = conditions == null ? c : concat(conditions, c);
                        }
                    }
                }
                default -> p.skipChildren();
            }
        }
        if (number == 0 || count < 0) {
            throw new CoverageImporter.Refused(at, "a lines[] entry without " + (number == 0 ? "\"line_number\""
                    : "\"count\"") + " (at " + where(p) + ")");
        }
        if (dropped) {
            return null;
        }
        RawFile.Line l = new RawFile.Line(number, count, at);
        if (branches != null && !branches.isEmpty()) {
            l.branches = branches.stream().mapToLong(Long::longValue).toArray();
        }
        l.conditions = conditions;
        l.checksum = md5;
        return l;
    }

    /** A branch's count; -1 when gcovr flagged it excluded. */
    private static long branch(JsonParser p) throws CoverageImporter.Refused {
        long count = -1;
        boolean excluded = false;
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String key = p.currentName();
            JsonToken t = p.nextToken();
            switch (key) {
                case "count" -> count = count(p, t, key);
                case "gcovr/excluded" -> excluded = bool(p, t, key);
                default -> p.skipChildren();
            }
        }
        if (count < 0) {
            throw new CoverageImporter.Refused(line(p), "a branches[] entry without \"count\" (at " + where(p) + ")");
        }
        return excluded ? -1 : count;
    }

    private static ConditionOutcomes condition(JsonParser p) throws CoverageImporter.Refused {
        long count = -1;
        long covered = -1;
        boolean excluded = false;
        List<Long> notTrue = null;
        List<Long> notFalse = null;
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String key = p.currentName();
            JsonToken t = p.nextToken();
            switch (key) {
                case "count" -> count = count(p, t, key);
                case "covered" -> covered = count(p, t, key);
                case "not_covered_true" -> notTrue = indices(p, t, key);
                case "not_covered_false" -> notFalse = indices(p, t, key);
                case "gcovr/excluded" -> excluded = bool(p, t, key);
                default -> p.skipChildren();
            }
        }
        if (count < 0 || count > Integer.MAX_VALUE || (covered > count)) {
            throw new CoverageImporter.Refused(line(p), "a conditions[] entry without a valid \"count\" and"
                    + " \"covered\" (at " + where(p) + ")");
        }
        if (excluded) {
            return null;
        }
        int outcomes = (int) count;
        if (notTrue == null && notFalse == null) {
            return ConditionOutcomes.counted(outcomes, (int) Math.max(covered, 0));
        }
        BitSet b = new BitSet(outcomes);
        b.set(0, outcomes);
        for (long i : notTrue == null ? List.<Long>of() : notTrue) {
            if (2 * i < outcomes) {
                b.clear((int) (2 * i));
            }
        }
        for (long i : notFalse == null ? List.<Long>of() : notFalse) {
            if (2 * i + 1 < outcomes) {
                b.clear((int) (2 * i + 1));
            }
        }
        return new ConditionOutcomes(outcomes, b);
    }

    private static List<Long> indices(JsonParser p, JsonToken t, String key) throws CoverageImporter.Refused {
        expect(p, t, JsonToken.START_ARRAY, key);
        List<Long> out = new ArrayList<>();
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            long v = number(p, t, key);
            if (v < 0) {
                throw new CoverageImporter.Refused(line(p), "\"" + key + "\" holds a negative index at " + where(p));
            }
            out.add(v);
        }
        return out;
    }

    /** {@code b}'s outcomes after {@code a}'s. */
    static ConditionOutcomes concat(ConditionOutcomes a, ConditionOutcomes b) {
        BitSet s = new BitSet(a.outcomes() + b.outcomes());
        for (int i = 0; i < a.outcomes(); i++) {
            if (a.isCovered(i)) {
                s.set(i);
            }
        }
        for (int i = 0; i < b.outcomes(); i++) {
            if (b.isCovered(i)) {
                s.set(a.outcomes() + i);
            }
        }
        return new ConditionOutcomes(a.outcomes() + b.outcomes(), s);
    }

    /** One function entry; null when gcovr flagged it excluded. */
    private static FunctionRecord function(JsonParser p) throws CoverageImporter.Refused {
        long at = line(p);
        String name = null;
        String demangled = null;
        int start = 0;
        int end = 0;
        long calls = -1;
        boolean excluded = false;
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String key = p.currentName();
            JsonToken t = p.nextToken();
            switch (key) {
                case "name" -> name = scalar(p, t, key);
                case "demangled_name" -> demangled = scalar(p, t, key);
                case "start_line", "lineno" -> start = lineNumber(p, t, key);
                case "end_line" -> end = (int) Math.max(0, Math.min(Integer.MAX_VALUE, number(p, t, key)));
                case "execution_count" -> calls = count(p, t, key);
                case "gcovr/excluded" -> excluded = bool(p, t, key);
                default -> p.skipChildren();
            }
        }
        String n = demangled != null && !demangled.isEmpty() ? demangled : name;
        if (n == null || start == 0 || calls < 0) {
            throw new CoverageImporter.Refused(at, "a functions[] entry without " + (n == null ? "a name" : start == 0
                    ? "a line (start_line or lineno)" : "\"execution_count\"") + " (at line " + at + ")");
        }
        return excluded ? null : new FunctionRecord(n, start, end, calls);
    }
}
