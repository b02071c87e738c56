package org.xenfusa.sloc.count;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import org.xenfusa.sloc.count.LanguageClassifier.Classification;

/**
 * Counts one file exactly as cloc 1.96 does with its default options: which files it skips and why,
 * the language it picks, and its blank/comment/code lines after its comment filters, quirks
 * included. Stateless and thread-safe.
 */
// [impl->dsn~cloc-file-counter~1]
public final class ClocCounter {

    /**
     * Version of the counting rules: cached counts are keyed by it (the web app stores it with every
     * count), so raise it whenever a change here can change any file's result. 3: all 329 languages
     * of cloc 1.96's table (diff, IDL, SWIG, ... were not supported before), ".csv" and ".n" counted,
     * cloc's content tests for every ambiguous extension.
     */
    public static final int RULES_VERSION = 3;

    /** Reason prefix for a file cloc would count in a language missing from the table (none is, today). */
    public static final String UNSUPPORTED_PREFIX = "language not supported by this counter: cloc says ";
    /** Reason of a file inside a folder cloc never enters ({@code .git}, {@code .svn}, ...). */
    public static final String IN_EXCLUDED_FOLDER = "inside a folder cloc excludes: ";
    public static final String ZERO_SIZED = "zero sized file";
    public static final String BINARY = "binary file";

    /** cloc's built-in {@code --exclude-dir} list; it applies to files of these names too. */
    static final Set<String> EXCLUDED_NAMES = Set.of(".svn", ".cvs", ".hg", ".git", ".bzr", ".snapshot", ".config");
    private static final long MAX_FILE_SIZE = 100L * 1024 * 1024;

    /**
     * Reasons cloc keeps to itself: when it runs on a relative path (as {@code cloc xen/}), an empty
     * file is skipped without an entry (its {@code is_file} test looks at the wrong path after
     * File::Find's chdir); an ".inc" that is neither PHP nor Pascal, a ".b"/".bf" that is not
     * Brainfuck or a ".tpl" that is not Smarty gets no reason either.
     */
    public static boolean isListedAsIgnored(FileCount count) {
        String reason = count.ignoredReason();
        return !count.isCounted() && !reason.equals(ZERO_SIZED) && !reason.startsWith(UNSUPPORTED_PREFIX)
                && !reason.startsWith(IN_EXCLUDED_FOLDER) && !reason.startsWith("language unknown (.inc")
                && !reason.startsWith("language unknown (not Brainfuck") && !reason.startsWith("language unknown (not Smarty");
    }

    /** Counts {@code content}, the file at {@code path} ('/'-separated; only its name is used, and its folders for cloc's excluded ones). */
    public FileCount count(String path, byte[] content) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(content, "content");
        String[] parts = path.split("/");
        String name = parts[parts.length - 1];
        for (int i = 0; i < parts.length - 1; i++) {
            if (EXCLUDED_NAMES.contains(parts[i])) {
                return FileCount.ignored(IN_EXCLUDED_FOLDER + parts[i]);
            }
        }
        if (EXCLUDED_NAMES.contains(name)) {
            return FileCount.ignored("--exclude-dir=1");
        }
        if (content.length == 0) {
            return FileCount.ignored(ZERO_SIZED);
        }
        if (content.length > MAX_FILE_SIZE) {
            String mb = new BigDecimal(content.length).divide(new BigDecimal(1024 * 1024)).stripTrailingZeros()
                    .toPlainString();
            return FileCount.ignored("file size of " + mb + " MB exceeds max file size of 100 MB");
        }
        if (PerlTextHeuristic.isBinary(content)) {
            return FileCount.ignored(BINARY);
        }
        if (LanguageClassifier.NOT_CODE_FILE_NAMES.contains(name)) {
            return FileCount.ignored("listed in $Not_Code_Filename{" + name + "}");
        }
        if (name.endsWith("~")) {
            return FileCount.ignored("temporary editor file");
        }
        Classification c = LanguageClassifier.classify(name, content);
        if (c.language().isEmpty()) {
            return FileCount.ignored(c.reason());
        }
        return countAs(c.language().get(), name, content);
    }

    /** Counts {@code content} as the named language, skipping detection (cloc's {@code --force-lang}). */
    public FileCount countAs(String language, byte[] content) {
        return countAs(LanguageTable.byName(language)
                .orElseThrow(() -> new IllegalArgumentException("unsupported language: " + language)), "", content);
    }

    private static final List<CommentFilter> CPP_ONLY =
            List.of(new CommentFilter.RegexpCommon(CommentFilter.CommonSyntax.CPP));

    private static FileCount countAs(ClocLanguage lang, String fileName, byte[] content) {
        if (lang.filters().equals(CPP_ONLY) && !lang.isScript()
                && (lang.continuation().isEmpty() || lang.continuesOnBackslash())) {
            int[] tbc = CFamilyCount.count(content, lang.continuesOnBackslash());
            return FileCount.counted(lang.name(), tbc[1], tbc[0] - tbc[1] - tbc[2], tbc[2]);
        }
        return countLineByLine(lang, fileName, content);
    }

    /** The general pipeline, one Perl-like String per line. */
    static FileCount countLineByLine(ClocLanguage lang, byte[] content) {
        return countLineByLine(lang, "", content);
    }

    /** The general pipeline for the file named {@code fileName} (a few filters look at the name or the whole file). */
    static FileCount countLineByLine(ClocLanguage lang, String fileName, byte[] content) {
        List<String> lines = readLines(content);
        int total = lines.size();
        List<String> nonBlank = withoutBlankLines(lines, lang);
        int blank = total - nonBlank.size();
        int code = withoutComments(nonBlank, lang, fileName, content);
        return FileCount.counted(lang.name(), blank, total - blank - code, code);
    }

    private static final Pattern X_PLUS_PLUS_BLANK = CommentFilter.perl("^\\s*#?\\s*$");
    private static final Pattern COBOL_NUMBERED_BLANK = CommentFilter.perl("^\\d{6}\\s*$");
    private static final Pattern COBOL_BLANK_COLUMNS = CommentFilter.perl("^.{6}\\s{66}");
    private static final Pattern COBOL_PAGE_EJECT = CommentFilter.perl("^....../");

    /**
     * cloc's {@code rm_blanks}: blank lines go, except after a continuing line; X++ takes a lone '#'
     * line as blank too, and COBOL has SLOCCount's column rules (a numbered line with nothing from
     * column 7 to 72, a '/' page eject in column 7), unless the source is in free format.
     */
    private static List<String> withoutBlankLines(List<String> lines, ClocLanguage lang) {
        if (lang.name().equals("X++")) {
            List<String> kept = new ArrayList<>(lines.size());
            for (int i = 0; i < lines.size(); i++) {
                if (!X_PLUS_PLUS_BLANK.matcher(lines.get(i)).find() || (i > 0 && lang.continues(lines.get(i - 1)))) {
                    kept.add(lines.get(i));
                }
            }
            return kept;
        }
        if (lang.name().equals("COBOL")) {
            List<String> kept = new ArrayList<>(lines.size());
            boolean free = false;
            for (String line : lines) {
                if (PerlLines.isBlank(line)) {
                    continue;
                }
                String expanded = CommentFilter.IndentedBlock.expandTabs(line);
                free |= CommentFilter.CobolComments.FREE_FORMAT.matcher(expanded).find();
                if (free || !(COBOL_NUMBERED_BLANK.matcher(line).find() || COBOL_BLANK_COLUMNS.matcher(expanded).find()
                        || COBOL_PAGE_EJECT.matcher(expanded).find())) {
                    kept.add(line);
                }
            }
            return kept;
        }
        return PerlLines.dropBlank(lines, lang);
    }

    /** cloc's {@code rm_comments}: every filter, a blank-line clean-up after each, then the {@code #!} rule. */
    private static int withoutComments(List<String> original, ClocLanguage lang, String fileName, byte[] content) {
        if (original.isEmpty()) {
            return 0;
        }
        List<String> lines = original;
        for (CommentFilter filter : lang.filters()) {
            List<String> filtered = filter instanceof CommentFilter.HaskellComments haskell
                    ? haskell.apply(lines, fileName, content) : filter.apply(lines);
            lines = PerlLines.dropBlank(filtered, lang);
        }
        // a script's first (non-blank) line "#!..." is code, even when a filter took it as a comment
        if (lang.isScript()) {
            String first = PerlLines.chomp(original.get(0));
            if (first.startsWith("#!") && (lines.isEmpty() || !PerlLines.chomp(lines.get(0)).equals(first))) {
                return lines.size() + 1;
            }
        }
        return lines.size();
    }

    /**
     * cloc's {@code read_file}: lines with their "\n" (one is added to a last line lacking it, unless
     * that line is "0", false in Perl), byte-order marks dropped from the first line as cloc's table
     * spells them, and one "\r" before each line end removed.
     */
    static List<String> readLines(byte[] content) {
        List<String> lines = PerlLines.rawLines(content);
        if (lines.isEmpty()) {
            return lines;
        }
        int last = lines.size() - 1;
        String tail = lines.get(last);
        if (!tail.endsWith("\n") && !tail.equals("0")) {
            lines.set(last, tail + "\n");
        }
        lines.set(0, withoutByteOrderMark(lines.get(0)));
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int n = line.length();
            if (n >= 2 && line.charAt(n - 1) == '\n' && line.charAt(n - 2) == '\r') {
                lines.set(i, line.substring(0, n - 2) + "\n");
            } else if (n >= 1 && line.charAt(n - 1) == '\r') {
                lines.set(i, line.substring(0, n - 1));
            }
        }
        return lines;
    }

    /**
     * cloc keys its BOM table by {@code sprintf("%x")} of each byte, so marks with a byte below 0x10
     * ("00 00 fe ff", "0e fe ff") never match; "+/v8" and kin (UTF-7) do, even in plain text.
     */
    private static String withoutByteOrderMark(String first) {
        int n = first.length();
        if (n >= 2 && (startsWith(first, 0xfe, 0xff) || startsWith(first, 0xff, 0xfe))) {
            return first.substring(2);
        }
        if (n >= 3 && (startsWith(first, 0xef, 0xbb, 0xbf) || startsWith(first, 0xf7, 0x64, 0x4c)
                || startsWith(first, 0xfb, 0xee, 0x28))) {
            return first.substring(3);
        }
        if (n >= 4 && (startsWith(first, 0x2b, 0x2f, 0x76, 0x38) || startsWith(first, 0x2b, 0x2f, 0x76, 0x39)
                || startsWith(first, 0x2b, 0x2f, 0x76, 0x2b) || startsWith(first, 0x2b, 0x2f, 0x76, 0x2f)
                || startsWith(first, 0xdd, 0x73, 0x66, 0x73) || startsWith(first, 0x84, 0x31, 0x95, 0x33))) {
            return first.substring(4);
        }
        return first;
    }

    private static boolean startsWith(String s, int... bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (s.charAt(i) != bytes[i]) {
                return false;
            }
        }
        return true;
    }
}
