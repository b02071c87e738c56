package org.xenfusa.sloc.count;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.xenfusa.sloc.count.CommentFilter.Between;
import org.xenfusa.sloc.count.CommentFilter.CommonSyntax;
import org.xenfusa.sloc.count.CommentFilter.DocstringToC;
import org.xenfusa.sloc.count.CommentFilter.HtmlComments;
import org.xenfusa.sloc.count.CommentFilter.OCamlComments;
import org.xenfusa.sloc.count.CommentFilter.RegexpCommon;
import org.xenfusa.sloc.count.CommentFilter.RemoveBelow;
import org.xenfusa.sloc.count.CommentFilter.RemoveBelowAbove;
import org.xenfusa.sloc.count.CommentFilter.ReplaceBetween;
import org.xenfusa.sloc.count.CommentFilter.ReplaceRegex;

/**
 * The languages this counter supports, one row each, with cloc 1.96's extensions, file names,
 * interpreters and filter chains (read from cloc's {@code set_constants}; rewritten, not copied).
 * Adding a language is adding a row. Extensions that cloc maps to several languages (".inc", ".pp",
 * ".pl", ".v", ".ui", ".cl", ".jl") are resolved by {@link LanguageClassifier}.
 */
final class LanguageTable {
    private static final boolean CONT = true;
    private static final boolean NO_CONT = false;

    private static final List<ClocLanguage> ROWS = List.of(
        row("C", "c cats ec idc pgc", "", "", CONT, cpp()),
        row("C++", "C CPP c++ cc cpp cxx h++ inl ipp pcc tcc tpp", "", "", CONT, cpp()),
        row("C/C++ Header", "H h hh hpp hxx", "", "", CONT, cpp()),
        row("Assembly", "S a51 asm nasm s", "", "", CONT, List.of(
            rm("^\\s*#"), rm("^\\s*;"), new RegexpCommon(CommonSyntax.CPP), rm("^\\s*\\@"), rm("^\\s*\\|"),
            rm("^\\s*!"), rm("^\\s*--"), rm("^\\*"))),
        row("make", "Gnumakefile Makefile am gnumakefile makefile mk",
            "Makefile makefile Gnumakefile gnumakefile", "make", CONT, hash()),
        row("Python", "buck build.bazel gclient gyp gypi lmi py py3 pyde pyi pyp pyt pyw sconscript sconstruct"
                + " snakefile tac workspace wscript wsgi xpy", "",
            "python python2.6 python2.7 python3 python3.3 python3.4 python3.5 python3.6 python3.7 python3.8",
            CONT, List.of(rm("/\\*"), rm("\\*/"), rm("^\\s*#"), new DocstringToC(),
                new RegexpCommon(CommonSyntax.C))),
        row("Bourne Shell", "sh", "", "sh", CONT, hash()),
        row("Bourne Again Shell", "bash", "", "bash", CONT, hash()),
        row("Korn Shell", "ksh", "", "ksh", CONT, hash()),
        row("C Shell", "csh tcsh", "", "csh tcsh", CONT, hash()),
        row("zsh", "zsh", "", "zsh", CONT, hash()),
        row("Fish Shell", "fish", "", "", NO_CONT, hash()),
        row("Expect", "exp", "", "", CONT, hash()),
        row("awk", "auk awk gawk mawk nawk", "", "awk", CONT, hash()),
        row("sed", "sed", "", "sed", CONT, hash()),
        row("Tcl/Tk", "itk tcl tk", "", "tcl tclsh wish", CONT, hash()),
        row("Perl", "ack al cpanfile makefile.pl perl ph plh plx pm psgi rexfile", "", "perl perl5 miniperl",
            NO_CONT, List.of(new RemoveBelow(CommentFilter.perl("^__(END|DATA)__")), rm("^\\s*#"),
                new RemoveBelowAbove(CommentFilter.perl("^=head1"), CommentFilter.perl("^=cut")))),
        row("Ruby", "appraisals berksfile brewfile builder buildfile capfile dangerfile deliverfile eye fastfile"
                + " gemfile gemfile.lock gemspec god guardfile irbrc jarfile jbuilder mavenfile mspec podfile podspec"
                + " pryrc puppetfile rabl rake rb rbuild rbw rbx ru snapfile thor thorfile vagrantfile watchr",
            "Rakefile rakefile", "ruby", CONT, List.of(rm("^\\s*#"),
                new RemoveBelowAbove(CommentFilter.perl("^=begin"), CommentFilter.perl("^=end")))),
        row("PHP", "aw ctp phakefile php php3 php4 php5 php_cs php_cs.dist phps phpt phtml", "", "php php5",
            NO_CONT, List.of(rm("^\\s*#"), new RegexpCommon(CommonSyntax.CPP))),
        row("Prolog", "P prolog yap", "", "swipl", NO_CONT,
            List.of(rm("^\\s*\\%"), new RegexpCommon(CommonSyntax.C))),
        row("Lua", "lua nse p8 pd_lua rbxs wlua", "", "lua", CONT, List.of(
            Between.general("--[=====[", "]=====]"), Between.general("--[====[", "]====]"),
            Between.general("--[===[", "]===]"), Between.general("--[==[", "]==]"),
            Between.general("--[=[", "]=]"), Between.general("--[[", "]]"), rm("^\\s*\\-\\-"))),
        row("yacc", "y yacc", "", "", NO_CONT, cpp()),
        row("lex", "l lex", "", "", CONT, List.of(new RegexpCommon(CommonSyntax.C))),
        row("Pascal", "dpr lpr p pas pascal", "", "", NO_CONT, List.of(
            Between.regex("\\{[^$]", "}"), Between.general("(*", "*)"), rm("^\\s*//"))),
        row("Puppet", "", "", "", NO_CONT, List.of(rm("^\\s*#"), new RegexpCommon(CommonSyntax.C))),
        row("Glade", "glade", "", "", NO_CONT, html()),
        row("Qt", "", "", "", NO_CONT, html()),
        row("XML", "XML adml admx ant app.config axml builds ccproj ccxml classpath clixml cproject cscfg csdef"
                + " csl ct depproj ditamap ditaval dll.config dotsettings filters fsproj gmx grxml iml ivy jelly"
                + " jsproj kml launch mdpolicy mjml natvis ndproj nproj nuget.config nuspec odd osm"
                + " packages.config pkgproj plist proj project props ps1xml psc1 pt rdf resx rss scxml"
                + " settings.stylecop sfproj shproj srdf storyboard sttheme sublime-snippet targets tmcommand tml"
                + " tmlanguage tmpreferences tmsnippet tmtheme urdf ux vcxproj vsixmanifest vssettings vstemplate"
                + " vxml web.config web.debug.config web.release.config wsf x3d xacro xib xlf xliff xml xml.dist"
                + " xproj xspec xul zcml", "", "", NO_CONT, html()),
        row("HTML", "htm html html.hl xht", "", "", NO_CONT, html()),
        row("SVG", "SVG svg", "", "", NO_CONT, html()),
        row("XSLT", "XSL XSLT xsl xslt", "", "", NO_CONT, html()),
        row("XSD", "XSD xsd", "", "", NO_CONT, html()),
        row("DTD", "dtd", "", "", NO_CONT, html()),
        row("INI", "buildozer.spec ini lektorproject prefs", "", "", NO_CONT, List.of(rm("^\\s*;"))),
        row("OCaml", "eliom eliomi ml ml4 mli mll mly", "", "", CONT, List.of(new OCamlComments())),
        row("Markdown", "contents.lr markdown md mdown mdwn mdx mkd mkdn mkdown ronn workbook", "", "", NO_CONT,
            List.of(Between.general("<!--", "-->"),
                Between.regex("\\[(comment|\\/\\/)?\\]\\s*:?\\s*(<\\s*>|#)?\\s*\\(.*?", ".*?\\)"))),
        row("reStructuredText", "rest rest.txt rst rst.txt", "", "", NO_CONT,
            List.of(Between.regex("^\\.\\.", "^[^ \\n\\t\\r\\f\\.]"))),
        row("YAML", "clang-format clang-tidy gemrc glide.lock mir reek rviz sublime-syntax syntax yaml"
                + " yaml-tmlanguage yml yml.mysql", "", "", NO_CONT, hash()),
        row("JSON", "arcconfig avsc composer.lock geojson gltf har htmlhintrc json json-tmlanguage jsonl mcmeta"
                + " mcmod.info tern-config tern-project tfstate tfstate.backup topojson watchmanconfig webapp"
                + " webmanifest yyp", "", "", NO_CONT, List.of(rm("^\\s*$"))),
        row("TOML", "toml", "", "", NO_CONT, hash()),
        row("Text", "text txt", "", "", NO_CONT, List.of(rm("^\\s*$"))),
        row("Maven", "pom pom.xml", "", "", NO_CONT, html()),
        row("Properties", "properties", "", "", NO_CONT, List.of(rm("^\\s*#"), rm("^\\s*!"))),
        row("SQL", "SQL cql mysql psql sql tab udf viw", "", "", NO_CONT,
            List.of(new RegexpCommon(CommonSyntax.C), rm("^\\s*--"))),
        row("Rust", "rs rs.in", "", "", NO_CONT, cpp()),
        row("Go", "go", "", "", CONT, cpp()),
        row("Java", "java", "", "", NO_CONT, List.of(
            new ReplaceRegex(CommentFilter.perl("\\\\$"), " "),
            ReplaceBetween.of("([\"'])(.*?/\\*)\\1", "(.*?)", "xx"),
            ReplaceBetween.of("([\"'])(.*?\\*/)\\1", "(.*?)", "xx"),
            new RegexpCommon(CommonSyntax.CPP))),
        row("Kotlin", "kt ktm kts", "", "", NO_CONT, cpp()),
        row("JavaScript", "_js bones cjs es6 jake jakefile js jsb jscad jsfl jsm jss mjs njs pac sjs ssjs xsjs"
                + " xsjslib", "", "", CONT, cpp()),
        row("TypeScript", "tsx", "", "", CONT, cpp()),
        row("OpenCL", "", "", "", NO_CONT, cpp()),
        row("CSS", "css", "", "", NO_CONT, List.of(new RegexpCommon(CommonSyntax.C))),
        row("Verilog-SystemVerilog", "sv svh", "", "", NO_CONT, cpp()),
        row("Coq", "", "", "", NO_CONT, List.of(Between.general("(*", "*)"))),
        row("Julia", "", "", "", NO_CONT, List.of(Between.general("#=", "=#"), rm("^\\s*#"),
            new DocstringToC(), new RegexpCommon(CommonSyntax.C))),
        row("Lisp", "asd el lisp lsp", "", "", NO_CONT, List.of(rm("^\\s*;"), Between.general("#|", "|#"))),
        row("Dockerfile", "Dockerfile dockerfile",
            "Dockerfile Dockerfile.m4 Dockerfile.cmake dockerfile dockerfile.m4 dockerfile.cmake", "",
            NO_CONT, hash()),
        row("CMake", "cmake cmake.in", "CMakeLists.txt cmakelists.txt", "", CONT, hash()),
        row("Meson", "meson.build", "meson.build", "", CONT, hash()),
        row("Bazel", "BUILD", "BUILD WORKSPACE", "", NO_CONT, hash()),
        row("Starlark", "bazel bzl", "", "", CONT, List.of(rm("^\\s*#"), new DocstringToC(),
            new RegexpCommon(CommonSyntax.C))),
        row("m4", "ac m4", "", "", NO_CONT, List.of(rm("^dnl\\s"))),
        row("DOS Batch", "BAT BTM CMD bat btm cmd", "", "", NO_CONT, List.of(rm("^\\s*rem"), rm("^\\s*::"))),
        row("Windows Module Definition", "def", "", "", NO_CONT, List.of(rm("^\\s*;")))
    );

    /** cloc's interpreters whose languages this counter does not support (they are reported as such). */
    static final Map<String, String> UNSUPPORTED_INTERPRETERS = Map.ofEntries(
        Map.entry("bc", "bc"), Map.entry("crystal", "Crystal"), Map.entry("dmd", "D"),
        Map.entry("dtrace", "dtrace"), Map.entry("escript", "Erlang"), Map.entry("groovy", "Groovy"),
        Map.entry("idl", "IDL"), Map.entry("kermit", "Kermit"), Map.entry("octave", "Octave"),
        Map.entry("perl6", "Raku"), Map.entry("raku", "Raku"), Map.entry("rakudo", "Raku"),
        Map.entry("rexx", "Rexx"), Map.entry("regina", "Rexx"));

    private static final Map<String, ClocLanguage> BY_NAME = new LinkedHashMap<>();
    private static final Map<String, ClocLanguage> BY_EXTENSION = new HashMap<>();
    private static final Map<String, ClocLanguage> BY_FILE_NAME = new HashMap<>();
    private static final Map<String, ClocLanguage> BY_INTERPRETER = new HashMap<>();

    static {
        for (ClocLanguage lang : ROWS) {
            BY_NAME.put(lang.name(), lang);
            lang.extensions().forEach(e -> put(BY_EXTENSION, e, lang));
            lang.fileNames().forEach(f -> put(BY_FILE_NAME, f, lang));
            lang.interpreters().forEach(i -> put(BY_INTERPRETER, i, lang));
        }
    }

    private LanguageTable() {
    }

    static List<ClocLanguage> all() {
        return ROWS;
    }

    static Optional<ClocLanguage> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    static ClocLanguage named(String name) {
        return byName(name).orElseThrow(() -> new IllegalStateException("no row for " + name));
    }

    static Optional<ClocLanguage> byExtension(String extension) {
        return Optional.ofNullable(BY_EXTENSION.get(extension));
    }

    static Optional<ClocLanguage> byFileName(String fileName) {
        return Optional.ofNullable(BY_FILE_NAME.get(fileName));
    }

    static Optional<ClocLanguage> byInterpreter(String interpreter) {
        return Optional.ofNullable(BY_INTERPRETER.get(interpreter));
    }

    private static void put(Map<String, ClocLanguage> map, String key, ClocLanguage lang) {
        ClocLanguage previous = map.put(key, lang);
        if (previous != null) {
            throw new IllegalStateException(key + " is claimed by " + previous.name() + " and " + lang.name());
        }
    }

    private static ClocLanguage row(String name, String extensions, String fileNames, String interpreters,
                                    boolean continuation, List<CommentFilter> filters) {
        return new ClocLanguage(name, words(extensions), words(fileNames), words(interpreters), continuation,
                filters);
    }

    private static List<String> words(String s) {
        return s.isBlank() ? List.of() : new ArrayList<>(Arrays.asList(s.trim().split("\\s+")));
    }

    private static CommentFilter rm(String perlRegex) {
        return CommentFilter.removeMatches(perlRegex);
    }

    private static List<CommentFilter> cpp() {
        return List.of(new RegexpCommon(CommonSyntax.CPP));
    }

    private static List<CommentFilter> hash() {
        return List.of(rm("^\\s*#"));
    }

    private static List<CommentFilter> html() {
        return List.of(new HtmlComments(), new RegexpCommon(CommonSyntax.HTML));
    }

}
