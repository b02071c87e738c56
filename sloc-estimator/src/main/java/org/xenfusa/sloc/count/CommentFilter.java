package org.xenfusa.sloc.count;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One step of cloc's per-language comment-removal chain (its {@code Filters_by_Language} entries),
 * reimplemented with cloc 1.96's exact semantics, quirks included. A filter takes the remaining
 * lines (Perl-style, see {@link PerlLines}) and returns those left once its comments are gone; the
 * counter drops the lines left blank after each step, as cloc does.
 *
 * <p>cloc's {@code rm_comments_in_strings} and {@code remove_inline} steps are absent on purpose:
 * cloc 1.96 skips the first unless {@code --strip-str-comments} is given, and the second does nothing
 * unless {@code --inline} is given (its blank-line clean-up changes nothing either).
 */
sealed interface CommentFilter {

    List<String> apply(List<String> lines);

    /** Perl regexes run on byte strings: '.', '^' and '$' know only "\n" as a line end. */
    static Pattern perl(String regex) {
        return Pattern.compile(regex, Pattern.UNIX_LINES);
    }

    /** {@code remove_matches}: drops every line matching the (case-insensitive) regex. */
    static CommentFilter removeMatches(String perlRegex) {
        Matcher leading = Pattern.compile("\\^\\\\s\\*((?:\\\\[^A-Za-z0-9]|[^\\\\^$.*+?()\\[\\]{}|])+)").matcher(perlRegex);
        if (leading.matches()) {
            return new LeadingMarker(leading.group(1).replaceAll("\\\\(.)", "$1"));
        }
        return new RemoveMatches(Pattern.compile(perlRegex,
                Pattern.UNIX_LINES | Pattern.CASE_INSENSITIVE));
    }

    /** {@code remove_matches '^\s*MARKER'}, the commonest filter, without a regex. */
    record LeadingMarker(String marker) implements CommentFilter {
        @Override
        public List<String> apply(List<String> lines) {
            List<String> kept = new ArrayList<>(lines.size());
            for (String line : lines) {
                if (!startsWithMarker(line)) {
                    kept.add(line);
                }
            }
            return kept;
        }

        boolean startsWithMarker(String line) {
            int i = 0;
            int n = line.length();
            while (i < n && PerlLines.isSpace(line.charAt(i))) {
                i++;
            }
            if (n - i < marker.length()) {
                return false;
            }
            for (int k = 0; k < marker.length(); k++) {
                // Perl's /i on a byte string folds ASCII letters only
                if (asciiLower(line.charAt(i + k)) != asciiLower(marker.charAt(k))) {
                    return false;
                }
            }
            return true;
        }

        private static char asciiLower(char c) {
            return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
    }

    /** {@code remove_matches} with any other regex. */
    record RemoveMatches(Pattern pattern) implements CommentFilter {
        @Override
        public List<String> apply(List<String> lines) {
            List<String> kept = new ArrayList<>(lines.size());
            for (String line : lines) {
                if (!pattern.matcher(line).find()) {
                    kept.add(line);
                }
            }
            return kept;
        }
    }

    /** Which Regexp::Common comment regex {@code call_regexp_common} applies. */
    enum CommonSyntax {
        C, CPP, HTML,
        /** Braces and paren-star comments, either closing either (Regexp::Common's own quirk). */
        PASCAL("(?:(?:[{]|[(][*])(?:[^}*]*(?:[*](?![)])[^}*]*)*)(?:[}]|[*][)]))"),
        SMALLTALK("(?:(?:\")(?:[^\"]*)(?:\"))"),
        PLSQL("(?:(?:(?:--)(?:[^\\n]*)(?:\\n))|(?:(?:\\/\\*)(?:(?:[^\\*]+|\\*(?!\\/))*)(?:\\*\\/)))");

        private final Pattern regex;

        CommonSyntax() {
            this.regex = null;
        }

        CommonSyntax(String regex) {
            this.regex = Pattern.compile(regex);
        }
    }

    /**
     * {@code call_regexp_common}: joins the lines into one text (for C++, a line ending in '\' is
     * joined without the extra "\n" the others get), removes every match of Regexp::Common's comment
     * regex (cloc's {@code s/$1//g} with an undefined $1 reuses the last matched regex), and splits
     * the text on "\n" again. Strings are not understood: {@code "/*"} starts a comment.
     */
    record RegexpCommon(CommonSyntax syntax) implements CommentFilter {
        private static final Pattern HTML = perl("<!(?:--[^-]*(?:-[^-]+)*--\\s*)*>");

        @Override
        public List<String> apply(List<String> lines) {
            StringBuilder all = new StringBuilder();
            for (String line : lines) {
                all.append(line);
                if (syntax == CommonSyntax.CPP && !PerlLines.endsWithBackslash(line)) {
                    all.append('\n');
                }
            }
            String text = all.toString();
            String stripped = switch (syntax) {
                case C -> stripCComments(text, false);
                case CPP -> stripCComments(text, true);
                case HTML -> HTML.matcher(text).replaceAll("");
                case PASCAL, SMALLTALK, PLSQL -> syntax.regex.matcher(text).replaceAll("");
            };
            return PerlLines.splitNewlines(stripped);
        }

        /**
         * Leftmost-first removal of {@code //[^\n]*\n} (C++ only; it eats the "\n") and
         * {@code /\*...*\/}. An unclosed block comment matches nothing, so the scan goes on after it.
         */
        static String stripCComments(String s, boolean lineComments) {
            int n = s.length();
            StringBuilder out = null;
            int copied = 0;
            boolean blockPossible = true;
            int i = s.indexOf('/');
            while (i >= 0 && i < n - 1) {
                char d = s.charAt(i + 1);
                int end = -1;
                if (d == '/' && lineComments) {
                    int nl = s.indexOf('\n', i + 2);
                    if (nl >= 0) {
                        end = nl + 1;
                    }
                } else if (d == '*' && blockPossible) {
                    int close = s.indexOf("*/", i + 2);
                    if (close >= 0) {
                        end = close + 2;
                    } else {
                        blockPossible = false;
                    }
                }
                if (end < 0) {
                    i = s.indexOf('/', i + 1);
                    continue;
                }
                if (out == null) {
                    out = new StringBuilder(n);
                }
                out.append(s, copied, i);
                copied = end;
                i = s.indexOf('/', end);
            }
            if (out == null) {
                return s;
            }
            out.append(s, copied, n);
            return out.toString();
        }
    }

    /**
     * {@code remove_html_comments}: one-line {@code <!-- -->} are cut out; a line that opens a
     * comment is dropped whole, even with code before the {@code <!--}.
     */
    record HtmlComments() implements CommentFilter {
        private static final Pattern ONE_LINE = perl("<!--.*?-->");
        private static final Pattern OPEN = perl("^(.*?)<!--");

        @Override
        public List<String> apply(List<String> lines) {
            List<String> kept = new ArrayList<>();
            boolean inComment = false;
            for (String line : lines) {
                String group1 = null;
                if (PerlLines.isBlank(line)) {
                    continue;
                }
                line = ONE_LINE.matcher(line).replaceAll("");
                if (PerlLines.isBlank(line)) {
                    continue;
                }
                if (inComment) {
                    int close = line.indexOf("-->");
                    if (close >= 0) {
                        line = line.substring(close + 3);
                        inComment = false;
                    }
                }
                if (PerlLines.isBlank(line)) {
                    continue;
                }
                Matcher open = OPEN.matcher(line);
                if (open.find()) {
                    inComment = true;
                    group1 = open.group(1);
                }
                if (group1 != null && PerlLines.isBlank(group1)) {
                    continue;
                }
                if (inComment) {
                    continue;
                }
                kept.add(line);
            }
            return kept;
        }
    }

    /**
     * {@code remove_between_general} (markers quoted) and {@code remove_between_regex} (markers as
     * regexes): cuts start..end on one line, then tracks comments across lines. Perl's {@code $1} is
     * reproduced as "group 1 of the last successful match on this line", which is what decides
     * whether a line opening a comment is dropped.
     */
    record Between(Pattern oneLine, Pattern end, Pattern endPrefix, Pattern startPrefix, Pattern startToEol)
            implements CommentFilter {

        static Between general(String start, String end) {
            return regex(Pattern.quote(start), Pattern.quote(end));
        }

        static Between regex(String startRe, String endRe) {
            return new Between(perl(startRe + ".*?" + endRe), perl(endRe), perl("^.*?" + endRe),
                    perl("^(.*?)" + startRe), perl("^(.*?)" + startRe + ".*$"));
        }

        @Override
        public List<String> apply(List<String> lines) {
            List<String> kept = new ArrayList<>();
            boolean inComment = false;
            for (String line : lines) {
                if (PerlLines.isBlank(line)) {
                    continue;
                }
                LastGroup last = new LastGroup();
                line = last.replaceAll(oneLine, line, "");
                if (PerlLines.isBlank(line)) {
                    continue;
                }
                if (inComment) {
                    Matcher m = end.matcher(line);
                    if (m.find()) {
                        // matches inside Perl's inner if-block do not leak into $1 after it
                        line = endPrefix.matcher(line).replaceFirst("");
                        inComment = false;
                    }
                    if (inComment) {
                        continue;
                    }
                }
                if (PerlLines.isBlank(line)) {
                    continue;
                }
                Matcher open = startPrefix.matcher(line);
                if (open.find()) {
                    inComment = true;
                    last.record(open);
                }
                if (last.defined && PerlLines.isBlank(last.value)) {
                    continue;
                }
                if (inComment) {
                    Matcher cut = startToEol.matcher(line);
                    if (cut.find()) {
                        line = cut.group(1) + line.substring(cut.end());
                    }
                }
                kept.add(line);
            }
            return kept;
        }
    }

    /**
     * {@code replace_between_regex} (Java's "/*" inside quotes): like {@link Between} but replaces
     * instead of removing; {@code \g1} in the start regex refers to whatever group 1 is in the
     * combined regex, as in Perl.
     */
    record ReplaceBetween(Pattern oneLine, Pattern end, Pattern endPrefix, Pattern startPrefix,
                          Pattern startToEol, String replacement) implements CommentFilter {

        static ReplaceBetween of(String startRe, String endRe, String replacement) {
            return new ReplaceBetween(perl(startRe + ".*?" + endRe), perl(endRe), perl("^.*?" + endRe),
                    perl("^(.*?)" + startRe), perl("^(.*?)" + startRe + ".*$"), replacement);
        }

        @Override
        public List<String> apply(List<String> lines) {
            List<String> kept = new ArrayList<>();
            boolean inComment = false;
            for (String line : lines) {
                if (PerlLines.isBlank(line)) {
                    continue;
                }
                LastGroup last = new LastGroup();
                line = last.replaceAll(oneLine, line, replacement);
                if (PerlLines.isBlank(line)) {
                    continue;
                }
                if (inComment) {
                    Matcher m = end.matcher(line);
                    if (m.find()) {
                        // matches inside Perl's inner if-block do not leak into $1 after it
                        Matcher e = endPrefix.matcher(line);
                        line = e.find() ? line.substring(0, e.start()) + replacement + line.substring(e.end()) : line;
                        inComment = false;
                    }
                    if (inComment) {
                        continue;
                    }
                }
                if (PerlLines.isBlank(line)) {
                    continue;
                }
                Matcher open = startPrefix.matcher(line);
                if (open.find()) {
                    inComment = true;
                    last.record(open);
                }
                if (last.defined && PerlLines.isBlank(last.value)) {
                    continue;
                }
                if (inComment) {
                    Matcher cut = startToEol.matcher(line);
                    if (cut.find()) {
                        line = cut.group(1) + line.substring(cut.end());
                    }
                }
                kept.add(line);
            }
            return kept;
        }
    }

    /** {@code replace_regex}: a global substitution on every non-blank line. */
    record ReplaceRegex(Pattern pattern, String replacement) implements CommentFilter {
        @Override
        public List<String> apply(List<String> lines) {
            List<String> kept = new ArrayList<>();
            for (String line : lines) {
                if (PerlLines.isBlank(line)) {
                    continue;
                }
                line = pattern.matcher(line).replaceAll(Matcher.quoteReplacement(replacement));
                if (PerlLines.isBlank(line)) {
                    continue;
                }
                kept.add(line);
            }
            return kept;
        }
    }

    /** {@code remove_below}: everything from the first matching line on is comment (Perl's __END__). */
    record RemoveBelow(Pattern marker) implements CommentFilter {
        @Override
        public List<String> apply(List<String> lines) {
            List<String> kept = new ArrayList<>();
            for (String line : lines) {
                if (marker.matcher(line).find()) {
                    break;
                }
                kept.add(line);
            }
            return kept;
        }
    }

    /** {@code remove_below_above}: drops blocks from a start line to an end line (POD). */
    record RemoveBelowAbove(Pattern below, Pattern above) implements CommentFilter {
        @Override
        public List<String> apply(List<String> lines) {
            List<String> kept = new ArrayList<>();
            boolean between = false;
            for (String line : lines) {
                if (!between && below.matcher(line).find()) {
                    between = true;
                    continue;
                }
                if (between && above.matcher(line).find()) {
                    between = false;
                    continue;
                }
                if (!between) {
                    kept.add(line);
                }
            }
            return kept;
        }
    }

    /**
     * {@code remove_above}: when a line matches (case-sensitive), every line before the first such
     * line goes; the matching line stays. Without a match nothing changes.
     */
    record RemoveAbove(Pattern marker) implements CommentFilter {
        @Override
        public List<String> apply(List<String> lines) {
            for (int i = 0; i < lines.size(); i++) {
                if (marker.matcher(lines.get(i)).find()) {
                    return new ArrayList<>(lines.subList(i, lines.size()));
                }
            }
            return lines;
        }
    }

    /** {@code add_newlines}: a "\n" after every line (the lines a C or HTML regex split lost it). */
    record AddNewlines() implements CommentFilter {
        @Override
        public List<String> apply(List<String> lines) {
            List<String> out = new ArrayList<>(lines.size());
            lines.forEach(l -> out.add(l + "\n"));
            return out;
        }
    }

    /** {@code rm_last_line}: every line but the last. */
    record RemoveLastLine() implements CommentFilter {
        @Override
        public List<String> apply(List<String> lines) {
            return lines.isEmpty() ? lines : new ArrayList<>(lines.subList(0, lines.size() - 1));
        }
    }

    /** {@code remove_f77_comments}: drops lines starting with '*', 'c' or 'C', and '!' comment lines. */
    record Fortran77Comments() implements CommentFilter {
        private static final Pattern COMMENT = perl("^[*cC]|^\\s*!");

        @Override
        public List<String> apply(List<String> lines) {
            List<String> kept = new ArrayList<>(lines.size());
            for (String line : lines) {
                if (!COMMENT.matcher(line).find()) {
                    kept.add(line);
                }
            }
            return kept;
        }
    }

    /** {@code remove_f90_comments}: drops '!' comment lines except HPF and OpenMP directives. */
    record Fortran90Comments() implements CommentFilter {
        private static final Pattern COMMENT_OR_BLANK = perl("^(\\s*!|\\s*$)");
        private static final Pattern DIRECTIVE = Pattern.compile("^\\s*!(hpf|omp)\\$",
                Pattern.UNIX_LINES | Pattern.CASE_INSENSITIVE);

        @Override
        public List<String> apply(List<String> lines) {
            List<String> kept = new ArrayList<>(lines.size());
            for (String line : lines) {
                if (!COMMENT_OR_BLANK.matcher(line).find() || DIRECTIVE.matcher(line).find()) {
                    kept.add(line);
                }
            }
            return kept;
        }
    }

    /**
     * {@code powershell_to_C} ("<#" "#>") and {@code smarty_to_C} ("{*" "*}"): every opening marker
     * becomes the C opener and every closing one the C closer, for the C regex that follows.
     */
    record MarkersToC(String open, String close) implements CommentFilter {
        @Override
        public List<String> apply(List<String> lines) {
            List<String> out = new ArrayList<>(lines.size());
            lines.forEach(l -> out.add(l.replace(open, "/*").replace(close, "*/")));
            return out;
        }
    }

    /** {@code elixir_doc_to_C}: a triple-quoted {@code @doc} or {@code @moduledoc} becomes a C comment. */
    record ElixirDocToC() implements CommentFilter {
        private static final Pattern OPEN = perl("(\\@(module)?doc\\s+(~[sScC])?['\"]{3})");
        private static final Pattern CLOSE = perl("(['\"]{3})");

        @Override
        public List<String> apply(List<String> lines) {
            List<String> out = new ArrayList<>(lines.size());
            boolean inDoc = false;
            for (String line : lines) {
                Matcher m;
                if (!inDoc && (m = OPEN.matcher(line)).find()) {
                    // cloc's s{$1}{/*}: the matched text, used as a regex, replaced once
                    line = line.replaceFirst(Pattern.quote(m.group(1)), "/*");
                    inDoc = true;
                } else if (inDoc && (m = CLOSE.matcher(line)).find()) {
                    line = line.replaceFirst(Pattern.quote(m.group(1)), "*/");
                    inDoc = false;
                }
                out.add(line);
            }
            return out;
        }
    }

    /** {@code Forth_paren_to_C}: "( ... )" comments (a space on both sides of '(') become C comments. */
    record ForthParenToC() implements CommentFilter {
        private static final Pattern OPEN = perl("\\s\\(\\s");
        private static final Pattern INLINE = perl("\\s\\(\\s.*?\\)");
        private static final Pattern INLINE_ALL = perl("\\s+\\(\\s+.*?\\)");
        private static final Pattern OPEN_RUN = perl("\\s+\\(\\s+");

        @Override
        public List<String> apply(List<String> lines) {
            List<String> out = new ArrayList<>(lines.size());
            boolean inComment = false;
            for (String line : lines) {
                int stuck = 0;
                while (OPEN.matcher(line).find() || (inComment && line.indexOf(')') >= 0)) {
                    if (INLINE.matcher(line).find()) {
                        line = INLINE_ALL.matcher(line).replaceAll("");
                    } else if (!inComment && OPEN.matcher(line).find()) {
                        line = OPEN_RUN.matcher(line).replaceFirst("/*");
                        inComment = true;
                    } else if (inComment && line.indexOf(')') >= 0) {
                        int at = line.indexOf(')');
                        line = line.substring(0, at) + "*/" + line.substring(at + 1);
                        inComment = false;
                    } else if (++stuck > 255) {
                        // no closing parenthesis: cloc gives up on the line after 255 tries
                        break;
                    }
                }
                out.add(line);
            }
            return out;
        }
    }

    /**
     * {@code remove_jsp_comments}: one-line JSP comments are cut out; a line opening a comment is
     * dropped whole, and so is every line until the one closing it (its rest after the close stays).
     */
    record JspComments() implements CommentFilter {
        private static final Pattern ONE_LINE = perl("<%--.*?--%>");
        private static final Pattern END = perl("^.*?--%>");
        private static final Pattern OPEN = perl("^(.*?)<%--");

        @Override
        public List<String> apply(List<String> lines) {
            List<String> kept = new ArrayList<>();
            boolean inComment = false;
            for (String line : lines) {
                if (PerlLines.isBlank(line)) {
                    continue;
                }
                LastGroup last = new LastGroup();
                line = last.replaceAll(ONE_LINE, line, "");
                if (PerlLines.isBlank(line)) {
                    continue;
                }
                if (inComment && line.contains("--%>")) {
                    // matches inside Perl's inner if-block do not leak into $1 after it
                    line = END.matcher(line).replaceFirst("");
                    inComment = false;
                }
                if (PerlLines.isBlank(line)) {
                    continue;
                }
                Matcher open = OPEN.matcher(line);
                if (open.find()) {
                    inComment = true;
                    last.record(open);
                }
                if (last.defined && PerlLines.isBlank(last.value)) {
                    continue;
                }
                if (inComment) {
                    continue;
                }
                kept.add(line);
            }
            return kept;
        }
    }

    /**
     * {@code remove_haskell_comments} (SLOCCount's): line and block comments, pragmas kept as code;
     * Elm block comments nest; a literate ".lhs" file keeps only its bird-track lines or its
     * code blocks. Lines come back without "\n". The file name and content decide Elm and the
     * literate style, as cloc reads them.
     */
    record HaskellComments() implements CommentFilter {
        private static final Pattern PRAGMA = perl("^\\s*\\{-#");
        private static final Pattern ONE_LINE = perl("\\{-.*?-\\}");
        private static final Pattern TO_CLOSE = perl("^.*?-\\}");
        private static final Pattern LINE_COMMENT = perl("--.*");
        private static final Pattern OPEN_TO_END = perl("\\{-.*");
        private static final Pattern BIRD = perl("^>\\s");
        private static final Pattern BEGIN_CODE = perl("^\\\\begin\\{code\\}");
        private static final Pattern END_CODE = perl("^\\\\end\\{code\\}");
        private static final Pattern NON_SPACE = perl("\\S");

        @Override
        public List<String> apply(List<String> lines) {
            return apply(lines, "", new byte[0]);
        }

        List<String> apply(List<String> lines, String fileName, byte[] content) {
            boolean elm = fileName.endsWith(".elm");
            int literate = fileName.endsWith(".lhs") ? literateType(content) : 0;
            List<String> kept = new ArrayList<>();
            int inComment = 0;
            boolean inLitBlock = false;
            for (String raw : lines) {
                String line = PerlLines.chomp(raw);
                if (literate == 1) {
                    line = line.startsWith(">") ? line.substring(1) : "";
                } else if (literate == 2) {
                    if (inLitBlock) {
                        if (END_CODE.matcher(line).find()) {
                            line = "";
                            inLitBlock = false;
                        }
                    } else {
                        if (BEGIN_CODE.matcher(line).find()) {
                            inLitBlock = true;
                        }
                        line = "";
                    }
                }
                if (PRAGMA.matcher(line).find()) {
                    kept.add(line);
                    continue;
                }
                int opens = count(line, "{-");
                int closes = count(line, "-}");
                line = ONE_LINE.matcher(line).replaceAll("");
                if (inComment != 0) {
                    if (line.contains("-}")) {
                        line = TO_CLOSE.matcher(line).replaceFirst("");
                        inComment = elm ? inComment + opens - closes : 0;
                    } else {
                        line = "";
                    }
                } else {
                    line = LINE_COMMENT.matcher(line).replaceFirst("");
                    if (line.contains("{-") && !line.contains("{-#")) {
                        line = OPEN_TO_END.matcher(line).replaceFirst("");
                        inComment = elm ? inComment + opens - closes : 1;
                    }
                }
                if (NON_SPACE.matcher(line).find()) {
                    kept.add(line);
                }
            }
            return kept;
        }

        /** cloc's {@code determine_lit_type}: 2 for LaTeX code blocks, 1 for bird tracks, else 0. */
        private static int literateType(byte[] content) {
            for (String line : PerlLines.rawLines(content)) {
                if (BEGIN_CODE.matcher(line).find()) {
                    return 2;
                }
                if (BIRD.matcher(line).find()) {
                    return 1;
                }
            }
            return 0;
        }

        private static int count(String s, String what) {
            int n = 0;
            for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + what.length())) {
                n++;
            }
            return n;
        }
    }

    /**
     * {@code remove_intented_block} (Pug, DIET, Slim, Haml): a line matching the marker regex opens a
     * comment that runs over every following line indented deeper than the marker. Tabs are expanded
     * (Text::Tabs, stops of 8) and the kept lines are the expanded ones, as in cloc.
     */
    record IndentedBlock(Pattern marker) implements CommentFilter {
        private static final Pattern INDENT = perl("^(\\s*)");

        @Override
        public List<String> apply(List<String> lines) {
            List<String> kept = new ArrayList<>();
            int inComment = 0;
            for (String raw : lines) {
                if (PerlLines.isBlank(raw)) {
                    continue;
                }
                String line = expandTabs(raw);
                if (inComment > 0) {
                    Matcher indent = INDENT.matcher(line);
                    indent.find();
                    if (indent.group(1).length() < inComment) {
                        inComment = 0;
                    } else {
                        continue;
                    }
                } else {
                    Matcher m = marker.matcher(line);
                    if (m.find()) {
                        inComment = m.group(1).isEmpty() ? 1 : m.group(1).length() + 1;
                        continue;
                    }
                }
                kept.add(line);
            }
            return kept;
        }

        /** Text::Tabs {@code expand}: each tab up to the next multiple of 8 columns, per "\n"-separated line. */
        static String expandTabs(String s) {
            if (s.indexOf('\t') < 0) {
                return s;
            }
            StringBuilder out = new StringBuilder(s.length() + 16);
            int column = 0;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '\t') {
                    int spaces = 8 - column % 8;
                    out.append(" ".repeat(spaces));
                    column += spaces;
                } else {
                    out.append(c);
                    column = c == '\n' ? 0 : column + 1;
                }
            }
            return out.toString();
        }
    }

    /** {@code remove_jcl_comments}: "//*" lines are comments; a bare "//" line ends the job, and the count. */
    record JclComments() implements CommentFilter {
        private static final Pattern END = perl("^\\s*//\\s*$");

        @Override
        public List<String> apply(List<String> lines) {
            List<String> kept = new ArrayList<>();
            for (String line : lines) {
                if (PerlLines.isBlank(line) || line.startsWith("//*")) {
                    continue;
                }
                if (END.matcher(line).find()) {
                    break;
                }
                kept.add(line);
            }
            return kept;
        }
    }

    /** {@code remove_bf_comments}: every character that is not a Brainfuck command is comment. */
    record BrainfuckComments() implements CommentFilter {
        private static final Pattern NOT_COMMAND = perl("[^<>+-.,\\[\\]]+");

        @Override
        public List<String> apply(List<String> lines) {
            List<String> kept = new ArrayList<>();
            for (String line : lines) {
                String code = NOT_COMMAND.matcher(line).replaceAll("");
                if (!PerlLines.isBlank(code)) {
                    kept.add(code);
                }
            }
            return kept;
        }
    }

    /** {@code reduce_to_rmd_code_blocks}: only the lines inside {@code ```{lang}} ... {@code ```} blocks are left. */
    record RmdCodeBlocks() implements CommentFilter {
        private static final Pattern OPEN = perl("^```\\{\\s*\\p{Alpha}");
        private static final Pattern CLOSE = perl("^```\\s*$");

        @Override
        public List<String> apply(List<String> lines) {
            List<String> kept = new ArrayList<>();
            boolean inCode = false;
            for (String line : lines) {
                if (OPEN.matcher(line).find()) {
                    inCode = true;
                    continue;
                }
                if (CLOSE.matcher(line).find()) {
                    inCode = false;
                }
                if (inCode) {
                    kept.add(line);
                }
            }
            return kept;
        }
    }

    /** {@code pre_post_fix}: the lines joined, framed by {@code prefix} and {@code postfix}, split on "\n" again. */
    record PrePostFix(String prefix, String postfix) implements CommentFilter {
        @Override
        public List<String> apply(List<String> lines) {
            return PerlLines.splitNewlines(prefix + String.join("", lines) + postfix);
        }
    }

    /**
     * Groovy's, Gradle's and Xtend's {@code replace_between_regex} with an evaluated replacement and
     * no multi-line mode: a quoted string holding "/*" is split into two concatenated strings
     * ({@code "a/*b"} becomes {@code "a/" + "*b"}), so that the C++ comment regex does not see it.
     */
    record QuotedSlashStarSplit() implements CommentFilter {
        private static final Pattern QUOTED = perl("([\"'])(.*?/)(\\*.*?)\\1.*?(.*?)");

        @Override
        public List<String> apply(List<String> lines) {
            List<String> kept = new ArrayList<>();
            for (String line : lines) {
                if (PerlLines.isBlank(line)) {
                    continue;
                }
                line = QUOTED.matcher(line).replaceAll("$1$2$1 + $1$3$1$4");
                if (!PerlLines.isBlank(line)) {
                    kept.add(line);
                }
            }
            return kept;
        }
    }

    /** {@code remove_cobol_comments}: '*' in column 7 (or 1); in free format, lines starting with '*'. */
    record CobolComments() implements CommentFilter {
        static final Pattern FREE_FORMAT = Pattern.compile("^......\\$.*SET.*SOURCEFORMAT.*FREE",
                Pattern.UNIX_LINES | Pattern.CASE_INSENSITIVE);
        private static final Pattern FREE_COMMENT = perl("^\\s*\\*");
        private static final Pattern FIXED_COMMENT = perl("^......\\*|^\\*");

        @Override
        public List<String> apply(List<String> lines) {
            List<String> kept = new ArrayList<>();
            boolean free = false;
            for (String line : lines) {
                if (FREE_FORMAT.matcher(line).find()) {
                    free = true;
                }
                if (!(free ? FREE_COMMENT : FIXED_COMMENT).matcher(line).find()) {
                    kept.add(line);
                }
            }
            return kept;
        }
    }

    /**
     * {@code jupyter_nb}: only the source lines of code cells are left, read line by line from the
     * notebook's JSON as Jupyter writes it (one string per line); "\n" strings and '#' lines go.
     */
    record JupyterCodeCells() implements CommentFilter {
        private static final Pattern CODE_CELL = perl("^\\s*\"cell_type\":\\s*\"code\",\\s*$");
        private static final Pattern SOURCE = perl("^\\s*\"source\":\\s*\\[\\s*$");
        private static final Pattern EMPTY_LINE = perl("^\\s*\"\\s*\\\\n\",\\s*$");
        private static final Pattern COMMENT = perl("^\\s*\"\\s*#");
        private static final Pattern END = perl("^\\s*\\]\\s*$");

        @Override
        public List<String> apply(List<String> lines) {
            List<String> kept = new ArrayList<>();
            boolean inCode = false;
            boolean inSource = false;
            for (String line : lines) {
                if (!inCode && !inSource && CODE_CELL.matcher(line).find()) {
                    inCode = true;
                } else if (inCode && !inSource && SOURCE.matcher(line).find()) {
                    inSource = true;
                } else if (inCode && inSource) {
                    if (EMPTY_LINE.matcher(line).find() || COMMENT.matcher(line).find()) {
                        continue;
                    }
                    if (END.matcher(line).find()) {
                        inCode = false;
                        inSource = false;
                    } else {
                        kept.add(line);
                    }
                }
            }
            return kept;
        }
    }

    /**
     * {@code docstring_to_C}: turns every {@code """} / {@code '''} pair into {@code /*}...{@code *\/}
     * (a {@code u}/{@code U} just before an opening one goes too), for the C regex that follows. Any
     * triple-quoted string becomes a comment, not only docstrings.
     */
    record DocstringToC() implements CommentFilter {
        @Override
        public List<String> apply(List<String> lines) {
            List<String> out = new ArrayList<>(lines.size());
            boolean inDocstring = false;
            for (String line : lines) {
                int at;
                while ((at = firstTriple(line, 0)) >= 0) {
                    if (!inDocstring) {
                        int from = at;
                        int prefixed = firstPrefixedTriple(line);
                        if (prefixed >= 0 && prefixed < at) {
                            from = prefixed;
                        }
                        line = line.substring(0, from) + "/*" + line.substring(at + 3);
                        inDocstring = true;
                    } else {
                        line = line.substring(0, at) + "*/" + line.substring(at + 3);
                        inDocstring = false;
                    }
                }
                out.add(line);
            }
            return out;
        }

        private static int firstTriple(String s, int from) {
            for (int i = from; i + 2 < s.length(); i++) {
                char c = s.charAt(i);
                if ((c == '"' || c == '\'') && s.charAt(i + 1) == c && s.charAt(i + 2) == c) {
                    return i;
                }
            }
            return -1;
        }

        /** Position of a 'u'/'U' directly followed by a triple quote, or -1. */
        private static int firstPrefixedTriple(String s) {
            for (int i = 0; i + 3 < s.length(); i++) {
                char c = s.charAt(i);
                if ((c == 'u' || c == 'U') && firstTriple(s, i + 1) == i + 1) {
                    return i;
                }
            }
            return -1;
        }
    }

    /**
     * {@code remove_OCaml_comments}: nested {@code (* *)} by depth counting over tokens, strings on
     * one line protecting their content; a stray {@code *)} makes the depth negative, which hides
     * code until balanced; text tokens equal to "0" vanish (Perl truthiness).
     */
    record OCamlComments() implements CommentFilter {
        @Override
        public List<String> apply(List<String> lines) {
            List<String> kept = new ArrayList<>();
            int depth = 0;
            for (String line : lines) {
                if (PerlLines.isBlank(line)) {
                    continue;
                }
                StringBuilder clean = new StringBuilder();
                int n = line.length();
                int textStart = 0;
                int i = 0;
                while (i < n) {
                    char c = line.charAt(i);
                    if (c == '(' && i + 1 < n && line.charAt(i + 1) == '*') {
                        depth = appendText(clean, line, textStart, i, depth);
                        depth++;
                        i += 2;
                        textStart = i;
                    } else if (c == '*' && i + 1 < n && line.charAt(i + 1) == ')') {
                        depth = appendText(clean, line, textStart, i, depth);
                        depth--;
                        i += 2;
                        textStart = i;
                    } else if (c == '"') {
                        int close = line.indexOf('"', i + 1);
                        int nl = line.indexOf('\n', i + 1);
                        if (close >= 0 && (nl < 0 || close < nl)) {
                            depth = appendText(clean, line, textStart, i, depth);
                            if (depth == 0) {
                                clean.append(line, i, close + 1);
                            }
                            i = close + 1;
                            textStart = i;
                        } else {
                            i++;
                        }
                    } else {
                        i++;
                    }
                }
                appendText(clean, line, textStart, n, depth);
                String result = clean.toString();
                if (!result.isEmpty() && !result.equals("0")) {
                    kept.add(result);
                }
            }
            return kept;
        }

        private static int appendText(StringBuilder clean, String line, int from, int to, int depth) {
            if (to > from && depth == 0) {
                String t = line.substring(from, to);
                if (!t.equals("0")) {
                    clean.append(t);
                }
            }
            return depth;
        }
    }

    /**
     * Perl's {@code $1} after the last successful match made directly in the loop body for the
     * current line (match variables set inside a nested block are restored when it ends).
     */
    final class LastGroup {
        boolean defined;
        String value;

        void record(Matcher m) {
            String g = m.groupCount() >= 1 ? m.group(1) : null;
            defined = g != null;
            value = g;
        }

        String replaceAll(Pattern p, String line, String replacement) {
            Matcher m = p.matcher(line);
            StringBuilder out = null;
            int copied = 0;
            while (m.find()) {
                if (out == null) {
                    out = new StringBuilder();
                }
                record(m);
                out.append(line, copied, m.start()).append(replacement);
                copied = m.end();
                if (m.end() == m.start()) {
                    break;
                }
            }
            if (out == null) {
                return line;
            }
            return out.append(line, copied, line.length()).toString();
        }
    }
}
