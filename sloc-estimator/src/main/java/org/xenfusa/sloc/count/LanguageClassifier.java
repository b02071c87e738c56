package org.xenfusa.sloc.count;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * cloc 1.96's {@code classify_file}: a file's language from its exact name, its extensions (triple,
 * double, then single; case-sensitive, as on Linux), cloc's content heuristics for ambiguous
 * extensions, a {@code Dockerfile.*} prefix, then the interpreter of a {@code #!} first line or an
 * XML declaration.
 */
// [impl->dsn~cloc-file-counter~1]
final class LanguageClassifier {

    /** The outcome: a language, or why not; {@code listed} tells whether cloc lists the file as ignored. */
    record Classification(Optional<ClocLanguage> language, String reason, boolean listed) {
        static Classification of(ClocLanguage lang) {
            return new Classification(Optional.of(lang), "", false);
        }

        static Classification of(String languageName) {
            return LanguageTable.byName(languageName).map(Classification::of)
                    .orElseGet(() -> unsupported(languageName));
        }

        static Classification ignored(String reason) {
            return new Classification(Optional.empty(), reason, true);
        }

        /** cloc returns "(unknown)" without recording a reason, so its --ignored list omits the file. */
        static Classification silentlyUnknown(String reason) {
            return new Classification(Optional.empty(), reason, false);
        }

        static Classification unsupported(String clocLanguage) {
            return new Classification(Optional.empty(), ClocCounter.UNSUPPORTED_PREFIX + clocLanguage, false);
        }
    }

    /**
     * cloc's {@code %Not_Code_Extension} as it stands when files are classified: cloc deletes from it
     * every extension some language claims, so ".csv" (CSV) and ".n" (Nemerle) are counted.
     */
    static final Set<String> NOT_CODE_EXTENSIONS = Set.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "a",
            "ad", "afm", "arc", "arj", "au", "bak", "bdf", "bmp", "bz2", "desktop", "dic", "doc", "elc",
            "eps", "fig", "gif", "gz", "h5", "hdf", "in", "jpg", "kdelnk", "man", "mf", "mp3", "o", "o.cmd",
            "pbm", "pdf", "pfb", "png", "ppt", "pptx", "ps", "sgm", "sgml", "so", "Tag", "tfm", "tgz", "tiff",
            "tsv", "vf", "wav", "xbm", "xls", "xlsx", "xpm", "Y", "Z", "zip", "gitignore");

    static final Set<String> NOT_CODE_FILE_NAMES = Set.of("AUTHORS", "BUGS", "Changelog", "ChangeLog", "Changes",
            "CHANGES", "COPYING", "DESCRIPTION", ".cvsignore", "Entries", "FAQ", "INSTALL", "MAINTAINERS",
            "MD5SUMS", "NAMESPACE", "NEWS", "readme", "Readme", "README", "README.tk", "Repository", "Root",
            "TODO");

    /** Extensions cloc resolves by reading the file. */
    static final Map<String, Function<List<String>, Classification>> AMBIGUOUS = Map.ofEntries(
            Map.entry("inc", LanguageClassifier::phpOrPascal),
            Map.entry("pp", lines -> Classification.of(ContentHeuristics.pascalOrPuppet(lines))),
            Map.entry("pl", lines -> Classification.of(ContentHeuristics.perlOrProlog(lines))),
            Map.entry("PL", lines -> Classification.of(ContentHeuristics.perlOrProlog(lines))),
            Map.entry("v", lines -> Classification.of(ContentHeuristics.verilogOrCoq(lines))),
            Map.entry("ui", lines -> Classification.of(ContentHeuristics.qtOrGlade(lines))),
            Map.entry("cl", lines -> Classification.of(ContentHeuristics.lispOr(lines, "OpenCL"))),
            Map.entry("jl", lines -> Classification.of(ContentHeuristics.lispOr(lines, "Julia"))),
            Map.entry("d", LanguageClassifier::dOrScript),
            Map.entry("m", lines -> Classification.of(ContentHeuristics.matlabOrObjectiveC(lines))),
            Map.entry("pro", lines -> Classification.of(ContentHeuristics.idlOrQtProject(lines))),
            Map.entry("p6", lines -> Classification.of(rakuOrProlog(lines))),
            Map.entry("P6", lines -> Classification.of(rakuOrProlog(lines))),
            Map.entry("f", lines -> Classification.of(ContentHeuristics.forthOr(lines, "Fortran 77"))),
            Map.entry("for", lines -> Classification.of(ContentHeuristics.forthOr(lines, "Fortran 77"))),
            Map.entry("fs", lines -> Classification.of(ContentHeuristics.forthOr(lines, "F#"))),
            Map.entry("ts", lines -> Classification.of(ContentHeuristics.typeScriptOrQtLinguist(lines))),
            Map.entry("cs", lines -> Classification.of(ContentHeuristics.csharpOrSmalltalk(lines))),
            Map.entry("cls", lines -> Classification.of(ContentHeuristics.visualBasicOrTexOrApex(lines))),
            Map.entry("sls", lines -> Classification.of(ContentHeuristics.schemeOrSaltStack(lines))),
            Map.entry("b", LanguageClassifier::brainfuckOrUnknown),
            Map.entry("tpl", LanguageClassifier::smartyOrUnknown),
            Map.entry("bf", LanguageClassifier::brainfuckOrUnknown));

    private static final Pattern SHEBANG = CommentFilter.perl("^#!\\s*(\\S.*?)$");
    private static final Pattern XML_DECLARATION = CommentFilter.perl("<\\?xml\\s");

    private LanguageClassifier() {
    }

    static Classification classify(String fileName, byte[] content) {
        if (fileName.equals("build.xml")) {
            return Classification.of(ContentHeuristics.xmlOr(lines(content), "Ant", "xmlns:artifact=\"antlib:org.apache.maven.artifact.ant\""));
        }
        if (fileName.equals("pom.xml")) {
            return Classification.of(ContentHeuristics.xmlOr(lines(content), "Maven", "xmlns=\"http://maven.apache.org/POM/"));
        }
        Optional<String> byName = LanguageTable.byFileName(fileName);
        if (byName.isPresent()) {
            return Classification.of(byName.get());
        }
        List<String> extensions = extensions(fileName);
        if (!extensions.isEmpty()) {
            for (String ext : extensions) {
                if (NOT_CODE_EXTENSIONS.contains(ext)) {
                    return Classification.ignored("listed in $Not_Code_Extension{" + ext + "}");
                }
                Function<List<String>, Classification> resolver = AMBIGUOUS.get(ext);
                if (resolver != null) {
                    return resolver.apply(lines(content));
                }
                Optional<String> byExt = LanguageTable.byExtension(ext);
                if (byExt.isPresent()) {
                    return Classification.of(byExt.get());
                }
            }
            Optional<String> byPrefix = LanguageTable.byPrefix(stem(fileName));
            if (byPrefix.isPresent()) {
                return Classification.of(byPrefix.get());
            }
        } else {
            Optional<String> byLower = LanguageTable.byFileName(fileName.toLowerCase(Locale.ROOT));
            if (byLower.isPresent()) {
                return Classification.of(byLower.get());
            }
        }
        return byFirstLine(content);
    }

    /** Triple, double and single extension, in the order cloc tries them. */
    static List<String> extensions(String fileName) {
        List<String> dots = new ArrayList<>();
        int end = fileName.length();
        // an extension is a non-empty run without dots after a dot, counted from the end
        int pos = end;
        for (int k = 0; k < 3; k++) {
            int dot = fileName.lastIndexOf('.', pos - 1);
            if (dot < 0 || dot == pos - 1) {
                break;
            }
            dots.add(0, fileName.substring(dot + 1, end));
            pos = dot;
        }
        return dots;
    }

    /** {@code s/^(.*?)\.\S+$/$1/}: the name up to the first dot followed only by non-spaces. */
    static String stem(String fileName) {
        for (int i = fileName.indexOf('.'); i >= 0; i = fileName.indexOf('.', i + 1)) {
            String rest = fileName.substring(i + 1);
            if (!rest.isEmpty() && rest.chars().noneMatch(c -> PerlLines.isSpace((char) c))) {
                return fileName.substring(0, i);
            }
        }
        return fileName;
    }

    private static Classification byFirstLine(byte[] content) {
        String first = firstLine(content);
        String script = interpreter(first);
        if (!script.isEmpty()) {
            Optional<String> lang = LanguageTable.byInterpreter(script);
            if (lang.isPresent()) {
                return Classification.of(lang.get());
            }
        }
        if (XML_DECLARATION.matcher(first).find()) {
            return Classification.of("XML");
        }
        return Classification.ignored("language unknown (#3)");
    }

    /** The first line without its "\n" (a "\r" stays), as cloc's {@code first_line} returns it. */
    static String firstLine(byte[] content) {
        int nl = 0;
        while (nl < content.length && content[nl] != '\n') {
            nl++;
        }
        return PerlLines.latin1(content, 0, nl);
    }

    /** cloc's {@code peek_at_first_line}: the interpreter of a {@code #!} line ("env X" gives X). */
    static String interpreter(String firstLine) {
        var m = SHEBANG.matcher(firstLine);
        if (!m.find()) {
            return "";
        }
        String[] words = m.group(1).trim().split("[ \\t\\n\\x0B\\f\\r]+");
        if (words.length == 0 || words[0].isEmpty()) {
            return "";
        }
        if (basename(words[0]).equals("env") && words.length > 1) {
            return words[1];
        }
        return basename(words[0]);
    }

    /** Perl's File::Basename {@code basename}. */
    static String basename(String path) {
        String p = path;
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        int slash = p.lastIndexOf('/');
        return slash < 0 || p.length() == 1 ? p : p.substring(slash + 1);
    }

    /** cloc's {@code really_is_D}: a ".d" file starting with "#!" is an init.d script in that language. */
    private static Classification dOrScript(List<String> lines) {
        String script = lines.isEmpty() ? "" : interpreter(PerlLines.chomp(lines.get(0)));
        if (script.isEmpty()) {
            return Classification.of("D");
        }
        return LanguageTable.byInterpreter(script).map(Classification::of)
                .orElseGet(() -> Classification.ignored("Unrecognized script language, '" + script + "'"));
    }

    /** cloc's {@code really_is_bf}: Brainfuck, or unknown without a reason (cloc does not list it). */
    private static Classification brainfuckOrUnknown(List<String> rawLines) {
        return ContentHeuristics.reallyIsBrainfuck(rawLines) ? Classification.of("Brainfuck")
                : Classification.silentlyUnknown("language unknown (not Brainfuck)");
    }

    /** cloc's {@code really_is_smarty} for ".tpl": Smarty, or unknown without a reason (cloc does not list it). */
    private static Classification smartyOrUnknown(List<String> rawLines) {
        return ContentHeuristics.reallyIsSmarty(rawLines) ? Classification.of("Smarty")
                : Classification.silentlyUnknown("language unknown (not Smarty)");
    }

    /** cloc's {@code Raku_or_Prolog}: {@code Perl_or_Prolog}, with Raku for Perl. */
    private static String rakuOrProlog(List<String> lines) {
        String lang = ContentHeuristics.perlOrProlog(lines);
        return lang.equals("Perl") ? "Raku" : lang;
    }

    private static Classification phpOrPascal(List<String> lines) {
        if (ContentHeuristics.reallyIsPhp(lines)) {
            return Classification.of("PHP");
        }
        if (ContentHeuristics.reallyIsIncPascal(lines)) {
            return Classification.of("Pascal");
        }
        return Classification.silentlyUnknown("language unknown (.inc is neither PHP nor Pascal)");
    }

    private static List<String> lines(byte[] content) {
        return PerlLines.rawLines(content);
    }
}
