package org.xenfusa.coverage;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON formats, told apart by their top-level keys (which may come in any order: gcovr writes {@code files} before
 * {@code gcovr/format_version}): {@code gcc_version}/{@code format_version}/{@code current_working_directory}: gcov's
 * JSON intermediate format; {@code gcovr/format_version}: gcovr's JSON; {@code data} with {@code type}
 * {@code llvm.coverage.json.export}: llvm-cov's export; {@code gcovr/summary_format_version} (or a file entry with
 * {@code line_total}): gcovr's summary, refused. Several documents one after the other ({@code gcov --stdout
 * --json-format} writes one per data file) are read as one. Read token by token with Jackson's streaming parser; the {@code files}
 * of gcov and gcovr are read by {@link GcovFilesReader}, llvm-cov's {@code data} by {@link LlvmCovJsonReader}.
 */
final class JsonCoverageReader {
    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private JsonCoverageReader() {
    }

    static CoverageImporter.Parsed read(InputStream in) throws CoverageImporter.Refused {
        try (JsonParser p = MAPPER.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new CoverageImporter.Refused(line(p), "not coverage data: the JSON is not an object");
            }
            CoverageImporter.Parsed all = document(p);
            // gcov --stdout --json-format writes one document per data file, one after the other (JSON Lines)
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t != JsonToken.START_OBJECT) {
                    throw new CoverageImporter.Refused(line(p), "malformed JSON: more data after the end of the object"
                            + " at " + where(p));
                }
                long at = line(p);
                CoverageImporter.Parsed next = document(p);
                if (!next.format.equals(all.format)) {
                    throw new CoverageImporter.Refused(at, "a " + next.format + " document after " + all.format
                            + " in the same file");
                }
                List<RawFile> files = new ArrayList<>(all.files);
                files.addAll(next.files);
                all = new CoverageImporter.Parsed(all.format, all.tool, all.toolVersion, files);
            }
            return all;
        } catch (JacksonException e) {
            TokenStreamLocation l = e.getLocation();
            throw new CoverageImporter.Refused(l == null ? 0 : l.getLineNr(), "malformed or truncated JSON"
                    + (l == null ? "" : " at line " + l.getLineNr() + ", column " + l.getColumnNr()) + ": "
                    + e.getOriginalMessage());
        }
    }

    /** One top-level object, the parser at its start. */
    private static CoverageImporter.Parsed document(JsonParser p) throws CoverageImporter.Refused {
        List<RawFile> files = null;
        List<RawFile> llvm = null;
        String gccVersion = null;
        String gcovFormat = null;
        String cwd = null;
        String gcovrFormat = null;
        String type = null;
        String version = null;
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String key = p.currentName();
            JsonToken t = p.nextToken();
            switch (key) {
                case "files" -> {
                    expect(p, t, JsonToken.START_ARRAY, key);
                    files = GcovFilesReader.read(p);
                }
                case "data" -> {
                    expect(p, t, JsonToken.START_ARRAY, key);
                    llvm = LlvmCovJsonReader.read(p);
                }
                case "gcc_version" -> gccVersion = scalar(p, t, key);
                case "format_version" -> gcovFormat = scalar(p, t, key);
                case "current_working_directory" -> cwd = scalar(p, t, key);
                case "gcovr/format_version" -> gcovrFormat = scalar(p, t, key);
                case "gcovr/summary_format_version" -> throw summary(p);
                case "type" -> type = scalar(p, t, key);
                case "version" -> version = scalar(p, t, key);
                default -> p.skipChildren();
            }
        }
        if (p.currentToken() != JsonToken.END_OBJECT) {
            throw new CoverageImporter.Refused(line(p), "malformed JSON: expected a key or the end of the object at "
                    + where(p));
        }
        if (llvm != null || "llvm.coverage.json.export".equals(type)) {
            if (llvm == null) {
                throw new CoverageImporter.Refused(line(p), "llvm-cov export JSON without \"data\"");
            }
            return new CoverageImporter.Parsed("llvm-cov-json", "llvm-cov", version, llvm);
        }
        if (gcovrFormat != null) {
            List<RawFile> fs = required(p, files, "gcovr");
            fs.forEach(f -> f.rules = RawFile.Rules.GCOVR);
            return new CoverageImporter.Parsed("gcovr-json", "gcovr", "JSON format " + gcovrFormat, fs);
        }
        if (gccVersion != null || gcovFormat != null) {
            List<RawFile> fs = new ArrayList<>();
            for (RawFile f : required(p, files, "gcov")) {
                RawFile g = f;
                String path = f.path().replace('\\', '/');
                if (cwd != null && !cwd.isEmpty() && !CoverageImporter.isAbsolute(path)) {
                    g = f.withPath(CoverageImporter.normalize(cwd.replace('\\', '/') + "/" + path));
                }
                g.rules = RawFile.Rules.GCOV;
                fs.add(g);
            }
            return new CoverageImporter.Parsed("gcov-json", "gcc", gccVersion, fs);
        }
        throw new CoverageImporter.Refused(line(p), "not coverage data: a JSON object without the keys of gcov's JSON"
                + " (gcc_version, format_version), gcovr's JSON (gcovr/format_version) or llvm-cov's export"
                + " (data, type)");
    }

    private static List<RawFile> required(JsonParser p, List<RawFile> files, String what)
            throws CoverageImporter.Refused {
        if (files == null) {
            throw new CoverageImporter.Refused(line(p), what + " JSON without \"files\"");
        }
        return files;
    }

    static CoverageImporter.Refused summary(JsonParser p) {
        return new CoverageImporter.Refused(line(p), "this is gcovr's summary (--json-summary), which has no per-line"
                + " data: give gcovr's --json output instead");
    }

    static long line(JsonParser p) {
        TokenStreamLocation l = p.currentTokenLocation();
        return l == null ? 0 : l.getLineNr();
    }

    static String where(JsonParser p) {
        TokenStreamLocation l = p.currentTokenLocation();
        return l == null ? "?" : "line " + l.getLineNr() + ", column " + l.getColumnNr();
    }

    static void expect(JsonParser p, JsonToken t, JsonToken wanted, String key) throws CoverageImporter.Refused {
        if (t != wanted) {
            throw new CoverageImporter.Refused(line(p), "\"" + key + "\" is not " + (wanted == JsonToken.START_ARRAY
                    ? "an array" : wanted == JsonToken.START_OBJECT ? "an object" : wanted.name()) + " (at "
                    + where(p) + ")");
        }
    }

    /** A string or number as text. */
    static String scalar(JsonParser p, JsonToken t, String key) throws CoverageImporter.Refused {
        if (t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            return p.getString();
        }
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        throw new CoverageImporter.Refused(line(p), "\"" + key + "\" is not a string (at " + where(p) + ")");
    }

    static long number(JsonParser p, JsonToken t, String key) throws CoverageImporter.Refused {
        if (t == JsonToken.VALUE_NUMBER_INT) {
            return p.getLongValue();
        }
        if (t == JsonToken.VALUE_NUMBER_FLOAT) {
            return (long) p.getDoubleValue();
        }
        throw new CoverageImporter.Refused(line(p), "\"" + key + "\" is not a number (at " + where(p) + ")");
    }

    static boolean bool(JsonParser p, JsonToken t, String key) throws CoverageImporter.Refused {
        if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
            return t == JsonToken.VALUE_TRUE;
        }
        if (t == JsonToken.VALUE_NUMBER_INT) {
            return p.getLongValue() != 0;
        }
        throw new CoverageImporter.Refused(line(p), "\"" + key + "\" is not true or false (at " + where(p) + ")");
    }

    static int lineNumber(JsonParser p, JsonToken t, String key) throws CoverageImporter.Refused {
        long v = number(p, t, key);
        if (v < 1 || v > Integer.MAX_VALUE) {
            throw new CoverageImporter.Refused(line(p), "\"" + key + "\" " + v + " is not a line number (at "
                    + where(p) + ")");
        }
        return (int) v;
    }

    static long count(JsonParser p, JsonToken t, String key) throws CoverageImporter.Refused {
        long v = number(p, t, key);
        if (v < 0) {
            throw new CoverageImporter.Refused(line(p), "\"" + key + "\" is negative (" + v + ") at " + where(p));
        }
        return v;
    }
}
