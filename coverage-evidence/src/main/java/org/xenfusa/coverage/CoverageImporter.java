package org.xenfusa.coverage;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Imports one coverage data file, streamed, into the coverage of snapshot files. The format is told from the content
 * (gzip from its magic bytes): gcov's JSON intermediate format ({@code gcov --json-format}, format 1 and 2), gcovr's JSON
 * ({@code gcovr --json}, any format version; its {@code --json-summary} is refused), an lcov tracefile, Cobertura XML
 * and {@code llvm-cov export} JSON. Each reader is its own class; none builds a tree of the whole file.
 *
 * <h2>Placing files</h2> Each path of the data, normalized ({@code a/./b/../c} is {@code a/c}, as gcovr's
 * {@code os.path.normpath}), goes through the {@link PathMap} (longest prefix first); the result is
 * used when the snapshot has it. A relative path no entry maps is used as it is. A path the snapshot does not have is
 * listed in {@code notInSnapshot} (not counted); an absolute path no entry maps is listed in {@code unmapped} with one
 * problem per directory that names it and suggests a {@code --path-map} (the prefix whose removal would place it, when
 * the snapshot has such a tail). A data file of which no source file could be placed is refused.
 *
 * <h2>Counting</h2> The figures equal the summary of the tool that made the data:
 * <ul>
 * <li>gcov JSON: gcovr's (5.2) rules for gcov's output, {@code gcovr/gcov_parser.py}, on the snapshot's text
 * ({@link SourceText}): a line inside an exclusion ({@code GCOVR_EXCL_LINE}, {@code LCOV_EXCL_START}/{@code _STOP}, any
 * {@code [GL]COVR?} prefix) is dropped with its branches ({@code _line_noncode_and_count}, {@code _branch_can_be_excluded});
 * a line with count 0 whose text is not code ({@code _is_non_code}: only comments, {@code {}, {@code }} or
 * {@code else}) is dropped with its branches (it is {@code noncode}, and {@code FileCoverage.branch_coverage} counts
 * branches of code lines only); branches of lines in a {@code X_EXCL_BR_} region are dropped; every function counts
 * by its demangled name except compiler-internal ones ({@code __*}, {@code _GLOBAL__sub_I_*}: gcovr's default
 * {@code exclude_internal_functions}, {@code _function_can_be_excluded}); an object with no code
 * ({@code "files": []}) is an empty import, not a refusal. Lines, branches and functions of the same file from
 * several objects add up as {@code merging.py} merges them (same line: counts add, branches by index; same function
 * name: calls add); dropping a noncode line before merging gives gcovr's result, since a line is noncode only when its
 * count is 0 in every object ({@code merge_line}: {@code noncode &= ...}).</li>
 * <li>gcovr JSON: gcovr applied its rules already: lines flagged {@code gcovr/noncode} (format 0.x of gcovr 5) or
 * {@code gcovr/excluded} (gcovr 6 and later), branches, conditions and functions flagged {@code gcovr/excluded} are
 * dropped; everything else counts ({@code FileCoverage.line_coverage}, {@code branch_coverage},
 * {@code function_coverage}).</li>
 * <li>lcov: as {@code lcov --summary} counts: every {@code DA} line, every {@code BRDA} (a {@code -} is a branch not
 * taken), every function name ({@code FN}, or lcov 2's {@code FNL}/{@code FNA}), hit when its {@code FNDA} count is
 * above 0; entries repeated for the same file, line or (block, branch) add up.</li>
 * <li>Cobertura: every {@code line} of a class counts, covered when {@code hits} is above 0; a line's branches are the
 * {@code (covered/total)} of its {@code condition-coverage}; functions are the {@code method}s (gcovr 5.2 writes none).</li>
 * <li>llvm-cov export: the figures {@code llvm-cov export -format=lcov} writes from the same data: a line is one the
 * {@code LineCoverageIterator} maps (a region starts on it, or a region with a count wraps into it, unless a skipped
 * region starts it), its count the largest of the wrapping count and the counts of regions starting on it; each
 * non-folded branch is two branches (true and false), those of macro expansions on the line of the expansion (a folded
 * branch is one of the file's {@code branches} with both counts 0 that no function's {@code branches} lists, as the
 * export leaves folded ones out there); a function belongs to the file of its first file name, at the first line of its
 * first region; each MC/DC condition is two outcomes, but a folded one (its MC/DC branch region folded) is not
 * counted, as llvm-cov's MC/DC summary does not count it.</li>
 * </ul>
 *
 * <h2>Other versions of the sources</h2> Data made from other sources than the snapshot's is refused as a whole, naming
 * the check, the file and the line: a line past the end of the snapshot's file; an lcov {@code DA} checksum or gcovr's
 * {@code gcovr/md5} that is not the MD5 of the snapshot's line; for gcc's data (gcov and gcovr), a line with a count or
 * branches whose snapshot text is blank or only a comment; a function whose name, and every piece of it a macro may
 * have pasted on or renamed ({@link #nameOccurs}), does not occur in the snapshot's file (unless the line that defines it
 * calls an upper-case macro, which may paste the name together).
 */
// [impl->dsn~coverage-import~1]
public final class CoverageImporter {
    private static final int BUFFER = 1 << 16;
    private static final Pattern MACRO_CALL = Pattern.compile("\\b[A-Z][A-Z0-9_]*[A-Z0-9]\\s*\\(");
    private static final int MAX_NAMED = 5;

    private final SnapshotFiles snapshot;
    private final Set<String> paths;
    private final PathMap map;

    public CoverageImporter(SnapshotFiles snapshot, PathMap map) {
        this.snapshot = snapshot;
        this.paths = snapshot.paths();
        this.map = map;
    }

    /** What a reader found in one data file; the importer places it. */
    static final class Parsed {
        final String format;
        final String tool;
        final String toolVersion;
        final List<RawFile> files;

        Parsed(String format, String tool, String toolVersion, List<RawFile> files) {
            this.format = format;
            this.tool = tool == null ? "" : tool;
            this.toolVersion = toolVersion == null ? "" : toolVersion;
            this.files = files;
        }
    }

    /** The whole file is refused: the line of the data file where (0 when not at one) and why. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        final long line;

        Refused(long line, String message) {
            super(message);
            this.line = line;
        }
    }

    public CoverageImport read(String name, byte[] content) {
        try {
            return read(name, new ByteArrayInputStream(content));
        } catch (IOException e) {
            throw new UncheckedIOException("reading a byte array", e);
        }
    }

    /**
     * Reads one data file, streamed (never the whole file in memory as a tree); format told from the content; gzip told
     * by its magic bytes. {@code name} names the file in problems and in the source.
     */
    public CoverageImport read(String name, InputStream in) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
        Counting counting = new Counting(in);
        DigestInputStream digest = new DigestInputStream(counting, sha);
        Parsed parsed;
        try {
            parsed = parse(name, new BufferedInputStream(digest, BUFFER));
        } catch (Refused r) {
            return CoverageImport.refused(new CoverageProblem(name, r.line, r.getMessage()));
        } finally {
            digest.transferTo(OutputStream.nullOutputStream());
        }
        String hash = HexFormat.of().formatHex(sha.digest());
        return place(name, parsed, hash, counting.count);
    }

    /**
     * For the command line: files and folders (a folder: every coverage file in it, recursively: {@code *.gcov.json},
     * {@code *.json}, {@code *.info}, {@code *.lcov}, {@code *.xml}, each also {@code .gz}), in sorted order (a
     * folder's files by path; the arguments in their order). One import per file.
     */
    public List<CoverageImport> readAll(List<Path> filesOrFolders) throws IOException {
        List<CoverageImport> out = new ArrayList<>();
        for (Path p : filesOrFolders) {
            List<Path> files;
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    files = walk.filter(Files::isRegularFile).filter(CoverageImporter::isCoverageFileName).sorted()
                            .toList();
                }
            } else {
                files = List.of(p);
            }
            for (Path f : files) {
                try (InputStream in = Files.newInputStream(f)) {
                    out.add(read(f.toString(), in));
                }
            }
        }
        return out;
    }

    /** Whether a folder's file is read: {@code .json}, {@code .info}, {@code .lcov}, {@code .xml}, each maybe {@code .gz}. */
    static boolean isCoverageFileName(Path file) {
        return isCoverageFileName(file.getFileName().toString());
    }

    /**
     * Whether a file of a folder is read as coverage data (by its name: {@code .json}, {@code .info}, {@code .lcov},
     * {@code .xml}, each also {@code .gz}); files given one by one are read whatever their name.
     */
    public static boolean isCoverageFileName(String name) {
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        String n = name.substring(slash + 1).toLowerCase(Locale.ROOT);
        if (n.endsWith(".gz")) {
            n = n.substring(0, n.length() - 3);
        }
        return n.endsWith(".json") || n.endsWith(".info") || n.endsWith(".lcov") || n.endsWith(".xml");
    }

    private Parsed parse(String name, BufferedInputStream raw) throws IOException, Refused {
        raw.mark(4);
        int b0 = raw.read();
        int b1 = raw.read();
        raw.reset();
        if (b0 < 0) {
            throw new Refused(0, "the file is empty: no coverage data");
        }
        InputStream data = raw;
        boolean gzip = b0 == 0x1f && b1 == 0x8b;
        try {
            BufferedInputStream content = gzip
                    ? new BufferedInputStream(new GZIPInputStream(new Unclosable(raw), BUFFER), BUFFER) : raw;
            data = content;
            int first = firstSignificant(content);
            if (first < 0) {
                throw new Refused(0, (gzip ? "the compressed content" : "the file") + " is empty: no coverage data");
            }
            InputStream shielded = new Unclosable(content);
            if (first == '{') {
                return JsonCoverageReader.read(shielded);
            }
            if (first == '<') {
                return CoberturaReader.read(name, shielded);
            }
            return LcovReader.read(shielded);
        } catch (ZipException | EOFException e) {
            throw new Refused(0, "the gzip data is truncated or corrupt (" + e.getMessage() + ")");
        } catch (IllegalArgumentException e) {
            // a value the model does not take (a line 0, more covered outcomes than there are)
            throw new Refused(0, "inconsistent coverage data: " + e.getMessage());
        } finally {
            if (data != raw) {
                // releases the inflater only; the digest sees the rest of the bytes when read() drains it
                data.close();
            }
        }
    }

    /** The first byte that is not white space or a byte order mark, the stream left at its start; -1 when none. */
    private static int firstSignificant(BufferedInputStream in) throws IOException {
        in.mark(BUFFER);
        try {
            for (int i = 0; i < BUFFER - 8; i++) {
                int c = in.read();
                if (c < 0) {
                    return -1;
                }
                if (c == 0xEF || c == 0xBB || c == 0xBF || Character.isWhitespace(c)) {
                    continue;
                }
                return c;
            }
            return 0;
        } finally {
            in.reset();
        }
    }

    /** Where one path of the data goes. */
    private record Placement(String snapshotPath, String notInSnapshot, String unmapped) {
    }

    Placement placement(List<String> candidates) {
        Placement first = null;
        for (String c : candidates) {
            Placement p = placeOne(c);
            if (p.snapshotPath != null) {
                return p;
            }
            if (first == null) {
                first = p;
            }
        }
        return first;
    }

    private Placement placeOne(String raw) {
        String path = normalize(raw.replace('\\', '/'));
        Optional<String> mapped = map.apply(path);
        if (mapped.isPresent()) {
            String m = normalize(mapped.get());
            return paths.contains(m) ? new Placement(m, null, null) : new Placement(null, m, null);
        }
        if (isAbsolute(path)) {
            return new Placement(null, null, path);
        }
        return paths.contains(path) ? new Placement(path, null, null) : new Placement(null, path, null);
    }

    static boolean isAbsolute(String path) {
        return path.startsWith("/") || path.length() > 2 && path.charAt(1) == ':' && path.charAt(2) == '/';
    }

    /** {@code os.path.normpath} for {@code /}-separated paths: no {@code .}, {@code a/..} or doubled separators. */
    static String normalize(String path) {
        boolean abs = path.startsWith("/");
        List<String> parts = new ArrayList<>();
        for (String s : path.split("/")) {
            if (s.isEmpty() || s.equals(".")) {
                continue;
            }
            if (s.equals("..") && !parts.isEmpty() && !parts.get(parts.size() - 1).equals("..")) {
                parts.remove(parts.size() - 1);
            } else if (!(s.equals("..") && abs && parts.isEmpty())) {
                parts.add(s);
            }
        }
        return (abs ? "/" : "") + String.join("/", parts);
    }

    private CoverageImport place(String name, Parsed parsed, String sha256, long bytes) throws IOException {
        if (parsed.files.isEmpty()) {
            if (parsed.format.equals("gcov-json")) {
                // an object with no code (data tables, fonts): gcov writes "files": []; a folder of a build has some
                return new CoverageImport(Optional.of(new DataSource(name, parsed.format, sha256, bytes, parsed.tool,
                        parsed.toolVersion, 0)), CoverageData.EMPTY, List.of(), List.of(), List.of());
            }
            return CoverageImport.refused(new CoverageProblem(name, 0, "the " + parsed.format
                    + " data names no source file: nothing to import"));
        }
        Map<String, FileCoverage.Builder> builders = new TreeMap<>();
        Map<String, SourceText> texts = new LinkedHashMap<>();
        List<String> notInSnapshot = new ArrayList<>();
        List<String> unmapped = new ArrayList<>();
        List<CoverageProblem> mismatches = new ArrayList<>();
        for (RawFile f : parsed.files) {
            Placement p = placement(f.paths);
            if (p.notInSnapshot != null) {
                if (!notInSnapshot.contains(p.notInSnapshot)) {
                    notInSnapshot.add(p.notInSnapshot);
                }
                continue;
            }
            if (p.unmapped != null) {
                if (!unmapped.contains(p.unmapped)) {
                    unmapped.add(p.unmapped);
                }
                continue;
            }
            SourceText text = texts.get(p.snapshotPath);
            if (text == null) {
                text = new SourceText(snapshot.read(p.snapshotPath));
                texts.put(p.snapshotPath, text);
            }
            check(name, f, p.snapshotPath, text, mismatches);
            try {
                add(f, text, builders.computeIfAbsent(p.snapshotPath, FileCoverage::builder));
            } catch (IllegalArgumentException e) {
                return CoverageImport.refused(new CoverageProblem(name, f.at, "inconsistent coverage data for "
                        + p.snapshotPath + ": " + e.getMessage()));
            }
        }
        if (!mismatches.isEmpty()) {
            return refusedMismatch(name, mismatches);
        }
        List<CoverageProblem> problems = new ArrayList<>(unmappedProblems(name, unmapped));
        if (builders.isEmpty()) {
            String why;
            if (!unmapped.isEmpty()) {
                why = "no source file of it could be placed in the snapshot: " + problems.get(0).message();
            } else {
                String first = notInSnapshot.get(0);
                why = "no source file of it is in the snapshot (the first: " + first + "); " + relativeHint(first)
                        .orElse("add a path map entry FROM=TO if the data's paths have another prefix");
            }
            return CoverageImport.refused(new CoverageProblem(name, 0, why));
        }
        List<FileCoverage> files = new ArrayList<>();
        builders.values().forEach(b -> files.add(b.build()));
        DataSource source = new DataSource(name, parsed.format, sha256, bytes, parsed.tool, parsed.toolVersion,
                files.size());
        return new CoverageImport(Optional.of(source), CoverageData.of(files), notInSnapshot, unmapped, problems);
    }

    /** One problem per directory of unmapped paths, naming the first and suggesting a path map. */
    private List<CoverageProblem> unmappedProblems(String name, List<String> unmapped) {
        Map<String, List<String>> byDir = new LinkedHashMap<>();
        for (String u : unmapped) {
            int slash = u.lastIndexOf('/');
            byDir.computeIfAbsent(slash <= 0 ? "/" : u.substring(0, slash), k -> new ArrayList<>()).add(u);
        }
        List<CoverageProblem> out = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : byDir.entrySet()) {
            String first = e.getValue().get(0);
            Optional<String> prefix = suggestedPrefix(first);
            String what = "build path " + first + (e.getValue().size() > 1 ? " (and " + (e.getValue().size() - 1)
                    + " more in " + e.getKey() + ")" : "") + " is not mapped to the snapshot: no path map entry"
                    + " matches it; ";
            out.add(new CoverageProblem(name, 0, what + (prefix.isPresent() ? "add the path map entry " + prefix.get() + "="
                    : "no tail of it is a file of the snapshot (a system header or a generated file?); if it"
                            + " belongs to the tree, add the path map entry " + e.getKey() + "=<its folder in the snapshot>")));
        }
        return out;
    }

    /** For a relative path the snapshot has under some folder: the {@code --path-map .=folder} that places it. */
    private Optional<String> relativeHint(String path) {
        if (isAbsolute(path)) {
            return Optional.empty();
        }
        String tail = "/" + path;
        return paths.stream().filter(p -> p.endsWith(tail)).map(p -> p.substring(0, p.length() - tail.length()))
                .sorted().findFirst().map(folder -> "its paths are relative to the snapshot's " + folder
                        + ": add the path map entry .=" + folder);
    }

    /** The prefix whose removal leaves a path the snapshot has (the longest such tail), if any. */
    private Optional<String> suggestedPrefix(String absolute) {
        String p = absolute;
        int i = 0;
        while ((i = p.indexOf('/', i)) >= 0) {
            String tail = p.substring(i + 1);
            if (!tail.isEmpty() && paths.contains(tail)) {
                return Optional.of(i == 0 ? "/" : p.substring(0, i));
            }
            i++;
        }
        return Optional.empty();
    }

    private static CoverageImport refusedMismatch(String name, List<CoverageProblem> mismatches) {
        StringBuilder s = new StringBuilder("the data is from other versions of the sources than the snapshot's, so"
                + " none of it is used: ");
        for (int i = 0; i < Math.min(MAX_NAMED, mismatches.size()); i++) {
            s.append(i == 0 ? "" : "; ").append(mismatches.get(i).message());
        }
        if (mismatches.size() > MAX_NAMED) {
            s.append("; and ").append(mismatches.size() - MAX_NAMED).append(" more");
        }
        return CoverageImport.refused(new CoverageProblem(name, mismatches.get(0).line(), s.toString()));
    }

    /** The version checks of one placed file; at most one problem per file (its first mismatch). */
    private static void check(String name, RawFile f, String path, SourceText text, List<CoverageProblem> out) {
        int n = text.lineCount();
        boolean gccData = f.rules != RawFile.Rules.AS_GIVEN;
        for (RawFile.Line l : f.lines) {
            if (l.line > n) {
                out.add(new CoverageProblem(name, l.at, path + ":" + l.line + ": the data has line " + l.line
                        + " but the snapshot's file has " + n + " lines (line past the end)"));
                return;
            }
            if (l.checksum != null && !text.checksumMatches(l.line, l.checksum)) {
                out.add(new CoverageProblem(name, l.at, path + ":" + l.line + ": the data's checksum of the line ("
                        + l.checksum + ") is not the MD5 of the snapshot's line (line checksum)"));
                return;
            }
            if (gccData && (l.count > 0 || l.branches != null && l.branches.length > 0)
                    && text.blankOrComment(l.line)) {
                out.add(new CoverageProblem(name, l.at, path + ":" + l.line + ": the data has "
                        + (l.count > 0 ? "a count" : "branches") + " for a line that is blank or only a comment in"
                        + " the snapshot (code on a blank line)"));
                return;
            }
        }
        for (FunctionRecord fn : f.functions) {
            if (fn.line() > n) {
                out.add(new CoverageProblem(name, f.at, path + ":" + fn.line() + ": function " + fn.name()
                        + " starts past the end of the snapshot's file (" + n + " lines) (line past the end)"));
                return;
            }
            String id = identifier(fn.name());
            if (id != null && !nameOccurs(text, id) && !MACRO_CALL.matcher(text.line(fn.line())).find()) {
                out.add(new CoverageProblem(name, f.at, path + ":" + fn.line() + ": the data has function " + fn
                        .name() + " here, but its name does not occur in the snapshot's file (function name)"));
                return;
            }
        }
    }

    /** Pieces of a name shorter than this are not looked for on their own. */
    private static final int MIN_PIECE = 6;

    /**
     * Whether the function's name occurs in the text, or a piece of it that a macro may have renamed: a prefix up to an
     * underscore ({@code sh_page_fault} of {@code sh_page_fault__guest_4}, as Xen's shadow code pastes the paging
     * levels on) or a suffix after one ({@code multicall_call} of {@code compat_multicall_call}, as its compat code
     * renames), of at least {@value #MIN_PIECE} characters.
     */
    static boolean nameOccurs(SourceText text, String id) {
        if (text.contains(id)) {
            return true;
        }
        for (int i = id.indexOf('_'); i >= 0; i = id.indexOf('_', i + 1)) {
            String prefix = id.substring(0, i);
            String suffix = id.substring(i + 1);
            if (prefix.length() >= MIN_PIECE && text.contains(prefix)
                    || suffix.length() >= MIN_PIECE && text.contains(suffix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The identifier to look for in the source: the name without llvm's {@code file:} prefix of static functions, a C++
     * scope, template or parameter list, or a compiler's {@code .part.0}-like suffix; null when the name is no plain
     * identifier, a mangled C++ name or a compiler-generated function (those are not looked for).
     */
    static String identifier(String name) {
        String s = name;
        int colon = s.lastIndexOf(':');
        if (colon > 0 && s.indexOf('(') < 0 && s.substring(0, colon).matches(".*[./\\\\].*")) {
            s = s.substring(colon + 1);
        }
        int paren = s.indexOf('(');
        if (paren >= 0) {
            s = s.substring(0, paren);
        }
        int lt = s.indexOf('<');
        if (lt >= 0) {
            s = s.substring(0, lt);
        }
        int scope = s.lastIndexOf("::");
        if (scope >= 0) {
            s = s.substring(scope + 2);
        }
        int dot = s.indexOf('.');
        if (dot >= 0) {
            s = s.substring(0, dot);
        }
        s = s.strip();
        // mangled C++ names (llvm-cov gives them so) and compiler-made functions are not looked for
        if (s.isEmpty() || !s.matches("[A-Za-z_][A-Za-z0-9_]*") || s.startsWith("_Z") || s.startsWith("_GLOBAL__")
                || s.startsWith("__llvm")) {
            return null;
        }
        return s;
    }

    /** Adds one placed file's lines as its rules count them. */
    private static void add(RawFile f, SourceText text, FileCoverage.Builder b) {
        boolean gcov = f.rules == RawFile.Rules.GCOV;
        for (RawFile.Line l : f.lines) {
            if (gcov) {
                if (text.lineExcluded(l.line) || l.count == 0 && text.nonCode(l.line)) {
                    continue;
                }
            }
            b.line(l.line, l.count);
            if (l.branches != null && !(gcov && text.branchExcluded(l.line))) {
                for (int i = 0; i < l.branches.length; i++) {
                    b.branch(l.line, i, l.branches[i]);
                }
            }
            if (l.conditions != null) {
                b.conditions(l.line, l.conditions);
            }
        }
        for (FunctionRecord fn : f.functions) {
            // gcovr's default (exclude_internal_functions, _function_can_be_excluded): compiler-internal names
            if (gcov && (fn.name().startsWith("__") || fn.name().startsWith("_GLOBAL__sub_I_"))) {
                continue;
            }
            b.function(fn);
        }
    }

    /** Keeps readers (Jackson, StAX) from closing the caller's stream. */
    private static final class Unclosable extends FilterInputStream {
        Unclosable(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the stream belongs to the caller
        }
    }

    /** Counts the bytes read through it. */
    private static final class Counting extends FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                count++;
            }
            return c;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(n);
            count += s;
            return s;
        }
    }
}
