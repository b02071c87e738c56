package org.xenfusa.sloc.count;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.xenfusa.sloc.count.CommentFilter.AddNewlines;
import org.xenfusa.sloc.count.CommentFilter.Between;
import org.xenfusa.sloc.count.CommentFilter.BrainfuckComments;
import org.xenfusa.sloc.count.CommentFilter.CobolComments;
import org.xenfusa.sloc.count.CommentFilter.CommonSyntax;
import org.xenfusa.sloc.count.CommentFilter.DocstringToC;
import org.xenfusa.sloc.count.CommentFilter.ElixirDocToC;
import org.xenfusa.sloc.count.CommentFilter.ForthParenToC;
import org.xenfusa.sloc.count.CommentFilter.Fortran77Comments;
import org.xenfusa.sloc.count.CommentFilter.Fortran90Comments;
import org.xenfusa.sloc.count.CommentFilter.HaskellComments;
import org.xenfusa.sloc.count.CommentFilter.HtmlComments;
import org.xenfusa.sloc.count.CommentFilter.IndentedBlock;
import org.xenfusa.sloc.count.CommentFilter.JclComments;
import org.xenfusa.sloc.count.CommentFilter.JspComments;
import org.xenfusa.sloc.count.CommentFilter.MarkersToC;
import org.xenfusa.sloc.count.CommentFilter.OCamlComments;
import org.xenfusa.sloc.count.CommentFilter.PrePostFix;
import org.xenfusa.sloc.count.CommentFilter.QuotedSlashStarSplit;
import org.xenfusa.sloc.count.CommentFilter.RegexpCommon;
import org.xenfusa.sloc.count.CommentFilter.RemoveAbove;
import org.xenfusa.sloc.count.CommentFilter.RemoveBelow;
import org.xenfusa.sloc.count.CommentFilter.RemoveBelowAbove;
import org.xenfusa.sloc.count.CommentFilter.RemoveLastLine;
import org.xenfusa.sloc.count.CommentFilter.ReplaceBetween;
import org.xenfusa.sloc.count.CommentFilter.ReplaceRegex;
import org.xenfusa.sloc.count.CommentFilter.RmdCodeBlocks;

/**
 * cloc 1.96's language table, one row per language: the name cloc prints, its extensions, file
 * names, {@code #!} interpreters, end-of-line continuation regex and comment-filter chain (from
 * cloc's {@code set_constants}: {@code %Language_by_Extension}, {@code %Language_by_File},
 * {@code %Language_by_Script}, {@code %EOL_Continuation_re}, {@code %Filters_by_Language};
 * rewritten as data, not copied code). Filters that do nothing under cloc's default options
 * ({@code rm_comments_in_strings}, {@code remove_inline}) are left out. Adding a language is adding
 * a row. Extensions that cloc maps to several languages (".inc", ".pp", ".pl", ".m", ".pro", ...)
 * are resolved by {@link LanguageClassifier}.
 *
 * <p>The {@link #UNSUPPORTED} rows are cloc languages whose filters this counter does not implement
 * yet; their files are reported as not supported, never silently counted wrong.
 */
final class LanguageTable {
    private static final String CONT = ClocLanguage.BACKSLASH;
    private static final String NO_CONT = "";

    private static final List<ClocLanguage> ROWS = List.of(
        row("ABAP", "abap", "", "", NO_CONT, List.of(rm("^\\*"))),
        row("ActionScript", "as", "", "", CONT, cpp()),
        row("Ada", "ada adb ads pad", "", "", CONT, List.of(rm("^\\s*--"))),
        row("ADSO/IDSM", "adso", "", "", NO_CONT, List.of(rm("^\\s*\\*[\\+\\!]"))),
        row("Agda", "agda lagda", "", "", NO_CONT, List.of(new HaskellComments())),
        row("AMPLE", "ample dofile startup", "", "", NO_CONT, List.of(rm("^\\s*//"))),
        row("Ant", "build.xml", "", "", NO_CONT, html()),
        row("ANTLR Grammar", "g g4", "", "", NO_CONT, cpp()),
        row("Apex Class", "", "", "", NO_CONT, cpp()),
        row("Apex Trigger", "trigger", "", "", NO_CONT, cpp()),
        row("APL",
                "apl apla aplc aplf apli apln aplo dyalog dyapp mipage",
                "",
                "",
                NO_CONT,
                List.of(rm("^\\s*\u00e2\u008d\u009d"))),
        row("Arduino Sketch",
                "ino pde",
                "",
                "",
                NO_CONT,
                List.of(new ReplaceRegex(CommentFilter.perl("\\xa0"), " "), new RegexpCommon(CommonSyntax.CPP))),
        row("AsciiDoc", "adoc asciidoc", "", "", NO_CONT, List.of(Between.general("////", "////"), rm("^\\s*\\/\\/"))),
        row("ASP", "asa ashx asp axd", "", "", CONT, List.of(rm("^\\s*'"))),
        row("ASP.NET",
                "asax ascx asmx aspx master sitemap webinfo",
                "",
                "",
                CONT,
                List.of(
                    new RegexpCommon(CommonSyntax.C),
                    Between.general("<%--", "--%>"),
                    Between.general("<!--", "-->"))),
        row("AspectJ", "aj", "", "", CONT, cpp()),
        row("Assembly",
                "S a51 asm nasm s",
                "",
                "",
                CONT,
                List.of(
                    rm("^\\s*#"),
                    rm("^\\s*;"),
                    new RegexpCommon(CommonSyntax.CPP),
                    rm("^\\s*\\@"),
                    rm("^\\s*\\|"),
                    rm("^\\s*!"),
                    rm("^\\s*--"),
                    rm("^\\*"))),
        row("AutoHotkey", "ahk ahkl", "", "", NO_CONT, List.of(rm("^\\s*;"))),
        row("awk", "auk awk gawk mawk nawk", "", "awk", CONT, hash()),
        row("Bazel", "BUILD", "BUILD WORKSPACE", "", NO_CONT, hash()),
        row("bc", "", "", "bc", CONT, hash()),
        row("BizTalk Orchestration",
                "odx",
                "",
                "",
                NO_CONT,
                List.of(rm("^\\s*#"), new HtmlComments(), new RegexpCommon(CommonSyntax.HTML))),
        row("BizTalk Pipeline", "btp", "", "", NO_CONT, html()),
        row("Blade", "blade blade.php", "", "", NO_CONT, List.of(Between.general("{{--", "--}}"), new HtmlComments())),
        row("Bourne Again Shell", "bash", "", "bash", CONT, hash()),
        row("Bourne Shell", "sh", "", "sh", CONT, hash()),
        row("Brainfuck", "b bf", "", "", NO_CONT, List.of(new BrainfuckComments())),
        row("BrightScript", "brs", "", "", NO_CONT, List.of(rm("^\\s*rem"), rm("^\\s*'"))),
        row("builder", "xml.builder", "", "", NO_CONT, List.of(rm("^\\s*xml_markup.comment!"))),
        row("C", "c cats ec idc pgc", "", "", CONT, cpp()),
        row("C Shell", "csh tcsh", "", "csh tcsh", CONT, hash()),
        row("C#", "", "", "", CONT, cpp()),
        row("C# Designer", "designer.cs", "", "", CONT, cpp()),
        row("C# Generated", "", "", "", NO_CONT, cpp()),
        row("C++", "C CPP c++ cc cpp cxx h++ inl ipp pcc tcc tpp", "", "", CONT, cpp()),
        row("C/C++ Header", "H h hh hpp hxx", "", "", CONT, cpp()),
        row("Cairo", "cairo", "", "", NO_CONT, List.of(rm("^\\s*#"), new RegexpCommon(CommonSyntax.CPP))),
        row("Cake Build Script", "cake", "", "", CONT, cpp()),
        row("Carbon", "carbon", "", "", NO_CONT, cpp()),
        row("CCS", "ccs", "", "", NO_CONT, List.of(new RegexpCommon(CommonSyntax.C))),
        row("Chapel", "chpl", "", "", NO_CONT, cpp()),
        row("Circom", "circom", "", "", NO_CONT, cpp()),
        row("Clean", "dcl icl", "", "", NO_CONT, cpp()),
        row("Clojure",
                "boot cl2 clj cljs.hl cljscm cljx hic riemann.config",
                "",
                "",
                NO_CONT,
                List.of(rm("^\\s*;"), rm("^\\s*#_"))),
        row("ClojureC", "cljc", "", "", NO_CONT, List.of(rm("^\\s*;"))),
        row("ClojureScript", "cljs", "", "", NO_CONT, List.of(rm("^\\s*;"))),
        row("CMake", "CMakeLists.txt cmake cmake.in", "CMakeLists.txt cmakelists.txt", "", CONT, hash()),
        row("COBOL", "CBL COB cbl ccp cob cobol cpy", "", "", NO_CONT, List.of(new CobolComments())),
        row("CoffeeScript", "_coffee cakefile cjsx coffee iced", "", "", NO_CONT, hash()),
        row("ColdFusion", "cfm cfml", "", "", NO_CONT, html()),
        row("ColdFusion CFScript", "cfc", "", "", NO_CONT, cpp()),
        row("Containerfile", "Containerfile", "Containerfile", "", NO_CONT, hash()),
        row("Coq", "", "", "", NO_CONT, List.of(Between.general("(*", "*)"))),
        row("Crystal", "cr", "", "crystal", NO_CONT, hash()),
        row("Crystal Reports", "", "", "", NO_CONT, List.of(rm("^\\s*//"))),
        row("CSON", "cson", "", "", NO_CONT, hash()),
        row("CSS", "css", "", "", NO_CONT, List.of(new RegexpCommon(CommonSyntax.C))),
        row("CSV", "csv", "", "", NO_CONT, List.of(rm("^\\s*$"))),
        row("Cucumber", "feature", "", "", NO_CONT, hash()),
        row("CUDA", "cu cuh", "", "", NO_CONT, cpp()),
        row("Cython",
                "pxd pxi pyx",
                "",
                "",
                CONT,
                List.of(rm("^\\s*#"), new DocstringToC(), new RegexpCommon(CommonSyntax.C))),
        row("D", "", "", "dmd", CONT, List.of(Between.general("/+", "+/"), new RegexpCommon(CommonSyntax.CPP))),
        row("DAL", "da", "", "", NO_CONT, List.of(Between.general("[", "]"))),
        row("Dart", "dart", "", "", CONT, cpp()),
        row("Delphi Form",
                "dfm",
                "",
                "",
                NO_CONT,
                List.of(Between.regex("\\{[^$]", "}"), Between.general("(*", "*)"), rm("^\\s*//"))),
        row("DenizenScript", "dsc", "", "", NO_CONT, hash()),
        row("Derw", "derw", "", "", NO_CONT, List.of(rm("^\\s*--"), Between.general("{-", "-}"))),
        row("dhall", "dhall", "", "", NO_CONT, List.of(new HaskellComments())),
        row("DIET",
                "dt",
                "",
                "",
                NO_CONT,
                List.of(new IndentedBlock(CommentFilter.perl("^(\\s*)(//)\\s*$")), rm("^\\s*//"))),
        row("diff", "diff patch", "", "", NO_CONT, List.of(rm("^#"), rm("^\\-\\-\\-"), rm("^\\+\\+\\+"), rm("^\\s"))),
        row("DITA", "dita", "", "", NO_CONT, html()),
        row("Dockerfile",
                "Dockerfile dockerfile",
                "Dockerfile Dockerfile.cmake Dockerfile.m4 dockerfile dockerfile.cmake dockerfile.m4",
                "",
                NO_CONT,
                hash()),
        row("DOORS Extension Language", "dxl", "", "", NO_CONT, cpp()),
        row("DOS Batch", "BAT BTM CMD bat btm cmd", "", "", NO_CONT, List.of(rm("^\\s*rem"), rm("^\\s*::"))),
        row("Drools", "drl", "", "", NO_CONT, cpp()),
        row("DTD", "dtd", "", "", NO_CONT, html()),
        row("dtrace", "", "", "dtrace", NO_CONT, hash()),
        row("ECPP",
                "ecpp",
                "",
                "",
                NO_CONT,
                List.of(
                    Between.general("<%doc>", "</%doc>"),
                    Between.general("<#", "#>"),
                    new RegexpCommon(CommonSyntax.HTML))),
        row("EEx", "eex", "", "", NO_CONT, List.of(Between.general("<%#", "%>"))),
        row("EJS", "ejs", "", "", NO_CONT, List.of(Between.general("<%#", "%>"), new HtmlComments())),
        row("Elixir",
                "ex exs",
                "",
                "",
                NO_CONT,
                List.of(rm("^\\s*#"), new ElixirDocToC(), new RegexpCommon(CommonSyntax.C))),
        row("Elm", "elm", "", "", NO_CONT, List.of(new HaskellComments())),
        row("Embedded Crystal", "ecr", "", "", NO_CONT, List.of(Between.general("<%#", "%>"))),
        row("ERB", "ERB erb", "", "", NO_CONT, List.of(Between.general("<%#", "%>"))),
        row("Erlang",
                "app.src emakefile erl hrl rebar.config rebar.config.lock rebar.lock xrl yrl",
                "",
                "escript",
                NO_CONT,
                List.of(rm("^\\s*%"))),
        row("Expect", "exp", "", "", CONT, hash()),
        row("F#", "fsi", "", "", NO_CONT, List.of(Between.general("(*", "*)"), rm("^\\s*//"))),
        row("F# Script", "fsx", "", "", NO_CONT, List.of(new RegexpCommon(CommonSyntax.PASCAL), rm("^\\s*//"))),
        row("Fennel", "fnl", "", "", NO_CONT, List.of(rm("^\\s*;"))),
        row("Finite State Language", "fsl jssm", "", "", NO_CONT, cpp()),
        row("Fish Shell", "fish", "", "", NO_CONT, hash()),
        row("Flatbuffers", "fbs", "", "", NO_CONT, cpp()),
        row("Focus", "focexec", "", "", NO_CONT, List.of(rm("^\\s*\\-\\*"))),
        row("Forth",
                "4th e4 f83 fb forth fpm fr frt ft fth rx",
                "",
                "",
                NO_CONT,
                List.of(rm("^\\s*\\\\.*$"), new ForthParenToC(), new RegexpCommon(CommonSyntax.CPP))),
        row("Fortran 77", "F F77 FOR FTN f77 ftn pfo", "", "", NO_CONT, List.of(new Fortran77Comments())),
        row("Fortran 90", "F90 f90", "", "", NO_CONT, List.of(new Fortran77Comments(), new Fortran90Comments())),
        row("Fortran 95", "F95 f95", "", "", NO_CONT, List.of(new Fortran77Comments(), new Fortran90Comments())),
        row("Freemarker Template", "ftl", "", "", NO_CONT, List.of(Between.general("<#--", "-->"))),
        row("Futhark", "fut", "", "", CONT, List.of(rm("^\\s*--"))),
        row("FXML", "fxml", "", "", NO_CONT, html()),
        row("GDScript", "gd", "", "", NO_CONT, hash()),
        row("Gencat NLS", "msg", "", "", CONT, List.of(rm("^\\$ .*$"))),
        row("Glade", "glade", "", "", NO_CONT, html()),
        row("Gleam", "gleam", "", "", NO_CONT, List.of(rm("^\\s*//"))),
        row("GLSL",
                "comp fp frag frg fsh fshader geo geom glsl glslv gshader tesc tese vert vrx vsh vshader",
                "",
                "",
                NO_CONT,
                cpp()),
        row("Go", "go", "", "", CONT, cpp()),
        row("Godot Resource", "tres", "", "", NO_CONT, List.of(rm("^\\s*;"))),
        row("Godot Scene", "tscn", "", "", NO_CONT, List.of(rm("^\\s*;"))),
        row("Godot Shaders", "gdshader", "", "", NO_CONT, List.of(rm("^\\s*//"))),
        row("Gradle",
                "gradle gradle.kts",
                "",
                "",
                NO_CONT,
                List.of(new QuotedSlashStarSplit(), new RegexpCommon(CommonSyntax.CPP))),
        row("Grails",
                "gsp",
                "",
                "",
                NO_CONT,
                List.of(
                    new HtmlComments(),
                    new RegexpCommon(CommonSyntax.HTML),
                    new JspComments(),
                    new AddNewlines(),
                    new RegexpCommon(CommonSyntax.CPP))),
        row("GraphQL",
                "gql graphql graphqls",
                "",
                "",
                NO_CONT,
                List.of(rm("^\\s*#"), new DocstringToC(), new RegexpCommon(CommonSyntax.C))),
        row("Groovy",
                "gant groovy grt gtpl gvy jenkinsfile",
                "",
                "groovy",
                NO_CONT,
                List.of(new QuotedSlashStarSplit(), new RegexpCommon(CommonSyntax.CPP))),
        row("Haml",
                "haml haml.deface",
                "",
                "",
                NO_CONT,
                List.of(
                    new IndentedBlock(CommentFilter.perl("^(\\s*)(/|-#)\\s*$")),
                    new HtmlComments(),
                    rm("^\\s*/\\s*\\S+"),
                    rm("^\\s*-#\\s*\\S+"))),
        row("Handlebars",
                "handlebars hbs",
                "",
                "",
                NO_CONT,
                List.of(Between.general("{{!--", "--}}"), Between.general("{{!", "}}"), new HtmlComments())),
        row("Harbour",
                "hb",
                "",
                "",
                NO_CONT,
                List.of(
                    rm("^\\s*\\&\\&"),
                    rm("^\\s*\\*"),
                    rm("^\\s*NOTE"),
                    rm("^\\s*note"),
                    rm("^\\s*Note"),
                    new RegexpCommon(CommonSyntax.CPP))),
        row("Haskell", "hs hsc lhs", "", "", NO_CONT, List.of(new HaskellComments())),
        row("Haxe", "hx hxsl", "", "", NO_CONT, cpp()),
        row("HCL", "hcl nomad tf tfvars", "", "", NO_CONT, List.of(rm("^\\s*#"), new RegexpCommon(CommonSyntax.CPP))),
        row("HLSL", "cg cginc fxh hlsl hlsli shader", "", "", NO_CONT, cpp()),
        row("HolyC", "HC", "", "", NO_CONT, cpp()),
        row("Hoon", "hoon", "", "", NO_CONT, List.of(rm("^\\s*:[:><]"))),
        row("HTML", "htm html html.hl xht", "", "", NO_CONT, html()),
        row("HTML EEx", "heex", "", "", NO_CONT, List.of(rm("^\\s*<% #"), Between.general("<%!--", "--%>"))),
        row("IDL", "dlm idl", "", "idl", "\\$\\$", List.of(rm("^\\s*;"))),
        row("Idris", "idr", "", "", NO_CONT, List.of(new HaskellComments(), rm("^\\s*\\|{3}"))),
        row("Igor Pro", "ipf", "", "", "\\$", List.of(rm("^\\s*//"))),
        row("Imba", "imba", "", "", NO_CONT, List.of(rm("^\\s*#\\s"), Between.regex("###", "###"))),
        row("INI", "buildozer.spec ini lektorproject prefs", "", "", NO_CONT, List.of(rm("^\\s*;"))),
        row("InstallShield", "ism", "", "", NO_CONT, html()),
        row("IPL", "ipl", "", "", NO_CONT, cpp()),
        row("Jam", "", "Jamfile Jamrules jamfile", "", NO_CONT, hash()),
        row("Java",
                "java",
                "",
                "",
                NO_CONT,
                List.of(
                    new ReplaceRegex(CommentFilter.perl("\\\\$"), " "),
                    ReplaceBetween.of("([\"'])(.*?/\\*)\\1", "(.*?)", "xx"),
                    ReplaceBetween.of("([\"'])(.*?\\*/)\\1", "(.*?)", "xx"),
                    new RegexpCommon(CommonSyntax.CPP))),
        row("JavaScript",
                "_js bones cjs es6 jake jakefile js jsb jscad jsfl jsm jss mjs njs pac sjs ssjs xsjs xsjslib",
                "",
                "",
                CONT,
                cpp()),
        row("JavaServer Faces", "jsf", "", "", NO_CONT, cpp()),
        row("JCL", "jcl", "", "", NO_CONT, List.of(new JclComments())),
        row("Jinja Template", "jinja jinja2", "", "", NO_CONT, List.of(Between.general("{#", "#}"))),
        row("JSON",
                "arcconfig avsc composer.lock geojson gltf har htmlhintrc json json-tmlanguage jsonl mcmeta"
                + " mcmod.info tern-config tern-project tfstate tfstate.backup topojson watchmanconfig webapp"
                + " webmanifest yyp",
                "",
                "",
                NO_CONT,
                List.of(rm("^\\s*$"))),
        row("JSON5", "json5", "", "", CONT, cpp()),
        row("JSP",
                "jsp jspf",
                "",
                "",
                NO_CONT,
                List.of(
                    new HtmlComments(),
                    new RegexpCommon(CommonSyntax.HTML),
                    new JspComments(),
                    rm("^\\s*//"),
                    new AddNewlines(),
                    new RegexpCommon(CommonSyntax.C))),
        row("JSX", "jsx", "", "", CONT, cpp()),
        row("Julia",
                "",
                "",
                "",
                NO_CONT,
                List.of(
                    Between.general("#=", "=#"),
                    rm("^\\s*#"),
                    new DocstringToC(),
                    new RegexpCommon(CommonSyntax.C))),
        row("Juniper Junos", "junos", "", "", NO_CONT, List.of(rm("^\\s*#"), new RegexpCommon(CommonSyntax.C))),
        row("Kermit", "ksc", "", "kermit", CONT, List.of(rm("^\\s*#"), rm("^\\s*;"))),
        row("Korn Shell", "ksh", "", "ksh", CONT, hash()),
        row("Kotlin", "kt ktm kts", "", "", NO_CONT, cpp()),
        row("kvlang", "kv", "", "", CONT, List.of(rm("^\\s*#[^:]"))),
        row("Lean", "hlean lean", "", "", NO_CONT, List.of(Between.general("/-", "-/"), rm("^\\s*--"))),
        row("Lem", "lem", "", "", NO_CONT, List.of(new OCamlComments())),
        row("LESS", "less", "", "", CONT, cpp()),
        row("lex", "l lex", "", "", CONT, List.of(new RegexpCommon(CommonSyntax.C))),
        row("LFE", "lfe", "", "", NO_CONT, List.of(rm("^\\s*;"), Between.general("#|", "|#"))),
        row("liquid",
                "liquid",
                "",
                "",
                NO_CONT,
                List.of(Between.general("{% comment %}", "{% endcomment %}"), new HtmlComments())),
        row("Lisp", "asd el lisp lsp", "", "", NO_CONT, List.of(rm("^\\s*;"), Between.general("#|", "|#"))),
        row("Literate Idris", "lidr", "", "", NO_CONT, List.of(rm("^[^>]"))),
        row("LiveLink OScript", "oscript", "", "", NO_CONT, List.of(rm("^\\s*//"))),
        row("LLVM IR", "ll", "", "", NO_CONT, List.of(rm("^\\s*;"))),
        row("Logos", "x xm", "", "", NO_CONT, hash()),
        row("Logtalk", "lgt logtalk", "", "", NO_CONT, List.of(rm("^\\s*\\%"), new RegexpCommon(CommonSyntax.C))),
        row("Lua",
                "lua nse p8 pd_lua rbxs wlua",
                "",
                "lua",
                CONT,
                List.of(
                    Between.general("--[=====[", "]=====]"),
                    Between.general("--[====[", "]====]"),
                    Between.general("--[===[", "]===]"),
                    Between.general("--[==[", "]==]"),
                    Between.general("--[=[", "]=]"),
                    Between.general("--[[", "]]"),
                    rm("^\\s*\\-\\-"))),
        row("m4", "ac m4", "", "", NO_CONT, List.of(rm("^dnl\\s"))),
        row("make",
                "Gnumakefile Makefile am gnumakefile makefile mk",
                "Gnumakefile Makefile gnumakefile makefile",
                "make",
                CONT,
                hash()),
        row("Mako", "mako mao", "", "", NO_CONT, List.of(rm("##.*$"))),
        row("Markdown",
                "contents.lr markdown md mdown mdwn mdx mkd mkdn mkdown ronn workbook",
                "",
                "",
                NO_CONT,
                List.of(
                    Between.general("<!--", "-->"),
                    Between.regex("\\[(comment|\\/\\/)?\\]\\s*:?\\s*(<\\s*>|#)?\\s*\\(.*?", ".*?\\)"))),
        row("Mathematica", "cdf ma mathematica mt nbp wl wlt", "", "", NO_CONT, List.of(Between.general("(*", "*)"))),
        row("MATLAB", "", "", "", "\\.\\.\\.\\s*$", List.of(Between.general("%{", "%}"), rm("^\\s*%"))),
        row("Maven", "pom pom.xml", "", "", NO_CONT, html()),
        row("Mercury", "", "", "", NO_CONT, List.of(rm("^\\s*%"))),
        row("Meson", "meson.build", "meson.build", "", CONT, hash()),
        row("Metal", "metal", "", "", CONT, cpp()),
        row("Modula3", "i3 ig m3 mg", "", "", NO_CONT, List.of(new RegexpCommon(CommonSyntax.PASCAL))),
        row("Mojo", "mojom", "", "", NO_CONT, cpp()),
        row("MSBuild script", "btproj csproj msbuild vcproj wdproj wixproj", "", "", NO_CONT, html()),
        row("MUMPS", "mps", "", "", NO_CONT, List.of(rm("^\\s*;"))),
        row("Mustache", "mustache", "", "", NO_CONT, List.of(Between.general("{{!", "}}"))),
        row("MXML",
                "mxml",
                "",
                "",
                CONT,
                List.of(
                    new HtmlComments(),
                    new RegexpCommon(CommonSyntax.HTML),
                    rm("^\\s*//"),
                    new AddNewlines(),
                    new RegexpCommon(CommonSyntax.C))),
        row("NAnt script", "build", "", "", NO_CONT, html()),
        row("NASTRAN DMAP", "dmap", "", "", NO_CONT, List.of(rm("^\\s*\\$"))),
        row("Nemerle", "n", "", "", NO_CONT, cpp()),
        row("Nim",
                "nim nim.cfg nimble nimrod nims",
                "",
                "",
                NO_CONT,
                List.of(Between.general("#[", "]#"), rm("^\\s*#"))),
        row("Nix", "nix", "", "", NO_CONT, List.of(new RegexpCommon(CommonSyntax.C), rm("^\\s*#"))),
        row("Nunjucks", "njk", "", "", NO_CONT, List.of(Between.general("{#", "#}"))),
        row("Objective-C", "", "", "", CONT, cpp()),
        row("Objective-C++", "mm", "", "", CONT, cpp()),
        row("OCaml", "eliom eliomi ml ml4 mli mll mly", "", "", CONT, List.of(new OCamlComments())),
        row("Octave", "", "", "octave", "\\.\\.\\.\\s*$", hash()),
        row("Odin", "odin", "", "", NO_CONT, cpp()),
        row("OpenCL", "", "", "", NO_CONT, cpp()),
        row("OpenSCAD", "scad", "", "", NO_CONT, cpp()),
        row("Oracle Forms", "fmt", "", "", NO_CONT, List.of(new RegexpCommon(CommonSyntax.C))),
        row("Oracle PL/SQL", "bod fnc prc spc trg", "", "", NO_CONT, List.of(new RegexpCommon(CommonSyntax.PLSQL))),
        row("Oracle Reports", "rex", "", "", NO_CONT, List.of(new RegexpCommon(CommonSyntax.C))),
        row("P4", "p4", "", "", NO_CONT, cpp()),
        row("Pascal",
                "dpr lpr p pas pascal",
                "",
                "",
                NO_CONT,
                List.of(Between.regex("\\{[^$]", "}"), Between.general("(*", "*)"), rm("^\\s*//"))),
        row("Patran Command Language",
                "pcl ses",
                "",
                "",
                CONT,
                List.of(rm("^\\s*#"), rm("^\\s*\\$#"), new RegexpCommon(CommonSyntax.C))),
        row("PEG", "peg", "", "", NO_CONT, cpp()),
        row("peg.js", "pegjs", "", "", NO_CONT, cpp()),
        row("peggy", "peggy", "", "", NO_CONT, cpp()),
        row("Perl",
                "ack al cpanfile makefile.pl perl ph plh plx pm psgi rexfile",
                "",
                "miniperl perl perl5",
                NO_CONT,
                List.of(
                    new RemoveBelow(CommentFilter.perl("^__(END|DATA)__")),
                    rm("^\\s*#"),
                    new RemoveBelowAbove(CommentFilter.perl("^=head1"), CommentFilter.perl("^=cut")))),
        row("Pest", "pest", "", "", NO_CONT, List.of(rm("^\\s*//"))),
        row("PHP",
                "aw ctp phakefile php php3 php4 php5 php_cs php_cs.dist phps phpt phtml",
                "",
                "php php5",
                NO_CONT,
                List.of(rm("^\\s*#"), new RegexpCommon(CommonSyntax.CPP))),
        row("Pig Latin", "pig", "", "", NO_CONT, List.of(rm("^\\s*--"), new RegexpCommon(CommonSyntax.C))),
        row("PL/I", "pl1", "", "", NO_CONT, List.of(new RegexpCommon(CommonSyntax.C))),
        row("PL/M", "lit plm", "", "", NO_CONT, List.of(new RegexpCommon(CommonSyntax.C))),
        row("PlantUML", "puml", "", "", NO_CONT, List.of(Between.general("/'", "'/"), rm("^\\s*'"))),
        row("PO File", "po", "", "", NO_CONT, List.of(rm("^\\s*#[^,]"))),
        row("Pony", "pony", "", "", NO_CONT, List.of(new DocstringToC(), new RegexpCommon(CommonSyntax.CPP))),
        row("PowerBuilder", "pbt sra srf srm srs sru srw", "", "", CONT, cpp()),
        row("PowerShell",
                "ps1 psd1 psm1",
                "",
                "",
                CONT,
                List.of(new MarkersToC("<#", "#>"), new RegexpCommon(CommonSyntax.C), rm("^\\s*#"))),
        row("ProGuard", "", "", "", NO_CONT, hash()),
        row("Prolog", "P prolog yap", "", "swipl", NO_CONT, List.of(rm("^\\s*\\%"), new RegexpCommon(CommonSyntax.C))),
        row("Properties", "properties", "", "", NO_CONT, List.of(rm("^\\s*#"), rm("^\\s*!"))),
        row("Protocol Buffers", "proto", "", "", NO_CONT, cpp()),
        row("Pug",
                "jade pug",
                "",
                "",
                NO_CONT,
                List.of(new IndentedBlock(CommentFilter.perl("^(\\s*)(//)\\s*$")), rm("^\\s*//"))),
        row("Puppet", "", "", "", NO_CONT, List.of(rm("^\\s*#"), new RegexpCommon(CommonSyntax.C))),
        row("PureScript", "purs", "", "", NO_CONT, List.of(rm("^\\s*--"), Between.general("{-", "-}"))),
        row("Python",
                "buck build.bazel gclient gyp gypi lmi py py3 pyde pyi pyp pyt pyw sconscript sconstruct snakefile"
                + " tac workspace wscript wsgi xpy",
                "",
                "python python2.6 python2.7 python3 python3.3 python3.4 python3.5 python3.6 python3.7 python3.8",
                CONT,
                List.of(rm("/\\*"), rm("\\*/"), rm("^\\s*#"), new DocstringToC(), new RegexpCommon(CommonSyntax.C))),
        row("QML", "qbs qml", "", "", NO_CONT, cpp()),
        row("Qt", "", "", "", NO_CONT, html()),
        row("Qt Linguist", "", "", "", NO_CONT, html()),
        row("Qt Project", "", "", "", CONT, hash()),
        row("R", "R expr-dist r rd rprofile rsx", "", "", CONT, hash()),
        row("Racket", "rkt rktd rktl scrbl", "", "", NO_CONT, List.of(rm("^\\s*;"))),
        row("Raku",
                "pm6 raku rakumod",
                "",
                "perl6 raku rakudo",
                NO_CONT,
                List.of(
                    rm("^\\s*#"),
                    new RemoveBelowAbove(CommentFilter.perl("^=head1"), CommentFilter.perl("^=cut")),
                    new RemoveBelowAbove(CommentFilter.perl("^=begin"), CommentFilter.perl("^=end")))),
        row("RAML", "raml", "", "", NO_CONT, hash()),
        row("RapydScript",
                "pyj",
                "",
                "",
                NO_CONT,
                List.of(rm("^\\s*#"), new DocstringToC(), new RegexpCommon(CommonSyntax.C))),
        row("Razor",
                "cshtml razor",
                "",
                "",
                NO_CONT,
                List.of(
                    Between.general("@*", "*@"),
                    new RegexpCommon(CommonSyntax.CPP),
                    Between.general("<!--", "-->"))),
        row("ReasonML", "re rei", "", "", NO_CONT, List.of(Between.general("/*", "*/"))),
        row("ReScript", "res resi", "", "", NO_CONT, cpp()),
        row("reStructuredText",
                "rest rest.txt rst rst.txt",
                "",
                "",
                NO_CONT,
                List.of(Between.regex("^\\.\\.", "^[^ \\n\\t\\r\\f\\.]"))),
        row("Rexx", "pprx rexx", "", "regina rexx", NO_CONT, List.of(new RegexpCommon(CommonSyntax.C))),
        row("Ring", "rform rh ring", "", "", NO_CONT, cpp()),
        row("Rmd", "Rmd", "", "", CONT, List.of(new RmdCodeBlocks(), rm("^\\s*#"))),
        row("RobotFramework",
                "robot",
                "",
                "",
                NO_CONT,
                List.of(
                    rm("^\\s*#"),
                    rm("^\\s*Comment"),
                    rm("^\\s*\\*{3}\\s+(Variables|Test\\s+Cases|Settings|Keywords)\\s+\\*{3}"),
                    rm("^\\s*\\[(Documentation|Tags)\\]"))),
        row("Ruby",
                "appraisals berksfile brewfile builder buildfile capfile dangerfile deliverfile eye fastfile gemfile"
                + " gemfile.lock gemspec god guardfile irbrc jarfile jbuilder mavenfile mspec podfile podspec pryrc"
                + " puppetfile rabl rake rb rbuild rbw rbx ru snapfile thor thorfile vagrantfile watchr",
                "Rakefile rakefile",
                "ruby",
                CONT,
                List.of(
                    rm("^\\s*#"),
                    new RemoveBelowAbove(CommentFilter.perl("^=begin"), CommentFilter.perl("^=end")))),
        row("Ruby HTML", "rhtml", "", "", NO_CONT, html()),
        row("Rust", "rs rs.in", "", "", NO_CONT, cpp()),
        row("SaltStack", "", "", "", NO_CONT, hash()),
        row("SAS", "sas", "", "", NO_CONT, List.of(new RegexpCommon(CommonSyntax.C), Between.general("*", ";"))),
        row("Sass", "sass", "", "", NO_CONT, cpp()),
        row("Scala", "kojo sbt scala", "", "", NO_CONT, cpp()),
        row("Scheme", "sc sch scm sld sps ss", "", "", NO_CONT, List.of(rm("^\\s*;"))),
        row("SCSS", "scss", "", "", NO_CONT, cpp()),
        row("sed", "sed", "", "sed", CONT, hash()),
        row("SKILL", "il", "", "", NO_CONT, List.of(new RegexpCommon(CommonSyntax.C), rm("^\\s*;"))),
        row("SKILL++", "ils", "", "", NO_CONT, List.of(new RegexpCommon(CommonSyntax.C), rm("^\\s*;"))),
        row("Slice", "ice", "", "", NO_CONT, cpp()),
        row("Slim", "slim", "", "", NO_CONT, List.of(new IndentedBlock(CommentFilter.perl("^(\\s*)(/[^!])")))),
        row("Smalltalk", "st", "", "", NO_CONT, List.of(new RegexpCommon(CommonSyntax.SMALLTALK))),
        row("Smarty",
                "smarty tpl",
                "",
                "",
                NO_CONT,
                List.of(new MarkersToC("{*", "*}"), new RegexpCommon(CommonSyntax.C))),
        row("Softbridge Basic",
                "SBL sbl",
                "",
                "",
                NO_CONT,
                List.of(
                    new RemoveAbove(CommentFilter.perl("^\\s*Attribute\\s+VB_Name\\s+=")),
                    rm("^\\s*Attribute\\s+"),
                    rm("^\\s*'"))),
        row("Solidity", "sol", "", "", CONT, cpp()),
        row("SparForte", "sp", "", "", NO_CONT, List.of(rm("^\\s*#!"), rm("^\\s*--"))),
        row("Specman e",
                "e",
                "",
                "",
                NO_CONT,
                List.of(
                    new PrePostFix("'>", "<'"),
                    Between.general("^'>", "^<'"),
                    new RegexpCommon(CommonSyntax.CPP),
                    rm("^\\s*--"),
                    new RemoveLastLine())),
        row("SQL",
                "SQL cql mysql psql sql tab udf viw",
                "",
                "",
                NO_CONT,
                List.of(new RegexpCommon(CommonSyntax.C), rm("^\\s*--"))),
        row("SQL Data", "data.sql", "", "", NO_CONT, List.of(new RegexpCommon(CommonSyntax.C), rm("^\\s*--"))),
        row("SQL Stored Procedure",
                "spc.sql spoc.sql sproc.sql udf.sql",
                "",
                "",
                NO_CONT,
                List.of(new RegexpCommon(CommonSyntax.C), rm("^\\s*--"))),
        row("Squirrel", "nut", "", "", NO_CONT, List.of(new RegexpCommon(CommonSyntax.CPP), rm("^\\s*#"))),
        row("Standard ML", "fun sig sml", "", "", NO_CONT, List.of(Between.general("(*", "*)"))),
        row("Starlark",
                "bazel bzl",
                "",
                "",
                CONT,
                List.of(rm("^\\s*#"), new DocstringToC(), new RegexpCommon(CommonSyntax.C))),
        row("Stata", "DO ado do doh ihlp mata matah sthlp", "", "", "///$", cpp()),
        row("Stylus", "styl", "", "", CONT, cpp()),
        row("SugarSS", "sss", "", "", NO_CONT, cpp()),
        row("Svelte", "svelte", "", "", NO_CONT, html()),
        row("SVG", "SVG svg", "", "", NO_CONT, html()),
        row("Swift", "swift", "", "", CONT, cpp()),
        row("SWIG", "i", "", "", NO_CONT, cpp()),
        row("TableGen", "td", "", "", NO_CONT, cpp()),
        row("Tcl/Tk", "itk tcl tk", "", "tcl tclsh wish", CONT, hash()),
        row("TEAL", "teal", "", "", NO_CONT, List.of(rm("^\\s*//"))),
        row("Teamcenter def", "", "", "", NO_CONT, hash()),
        row("Teamcenter met", "met", "", "", NO_CONT, List.of(new RegexpCommon(CommonSyntax.C))),
        row("Teamcenter mth", "mth", "", "", NO_CONT, hash()),
        row("TeX",
                "aux bbx bib bst cbx dtx ins lbx ltx mkii mkiv mkvi sty tex",
                "",
                "",
                NO_CONT,
                List.of(rm("^\\s*%"))),
        row("Text", "text txt", "", "", NO_CONT, List.of(rm("^\\s*$"))),
        row("Thrift", "thrift", "", "", NO_CONT, List.of(new RegexpCommon(CommonSyntax.CPP), rm("^\\s*#"))),
        row("TITAN Project File Information", "tpd", "", "", NO_CONT, html()),
        row("Titanium Style Sheet", "tss", "", "", NO_CONT, List.of(rm("^\\s*//"), Between.regex("/[^/]", "[^/]/"))),
        row("TNSDL", "cii cin in1 in2 in3 in4 inf interface rou sdl sdt spd ssc sst", "", "", NO_CONT, cpp()),
        row("TOML", "toml", "", "", NO_CONT, hash()),
        row("tspeg", "jspeg tspeg", "", "", NO_CONT, cpp()),
        row("TTCN", "ttcn ttcn2 ttcn3 ttcnpp", "", "", CONT, cpp()),
        row("Twig", "twig", "", "", NO_CONT, List.of(Between.general("{#", "#}"))),
        row("TypeScript", "tsx", "", "", CONT, cpp()),
        row("Umka", "um", "", "", NO_CONT, cpp()),
        row("Unity-Prefab", "mat prefab", "", "", NO_CONT, hash()),
        row("Vala", "vala", "", "", CONT, cpp()),
        row("Vala Header", "vapi", "", "", CONT, cpp()),
        row("VB for Applications",
                "VBA vba",
                "",
                "",
                NO_CONT,
                List.of(
                    new RemoveAbove(CommentFilter.perl("^\\s*Attribute\\s+VB_Name\\s+=")),
                    rm("^\\s*Attribute\\s+"),
                    rm("^\\s*'"))),
        row("Velocity Template Language",
                "vm",
                "",
                "",
                NO_CONT,
                List.of(
                    new HtmlComments(),
                    new RegexpCommon(CommonSyntax.HTML),
                    new JspComments(),
                    rm("^\\s*##"),
                    Between.general("#**", "*#"),
                    new AddNewlines())),
        row("Verilog-SystemVerilog", "sv svh", "", "", NO_CONT, cpp()),
        row("VHDL",
                "VHD VHDL vhd vhdl vhf vhi vho vhs vht vhw",
                "",
                "",
                NO_CONT,
                List.of(rm("^\\s*--"), new RegexpCommon(CommonSyntax.CPP))),
        row("vim script", "vim", "", "", NO_CONT, List.of(rm("^\\s*\""))),
        row("Visual Basic",
                "BAS FRX VBHTML bas ctl dsr frm frx vbhtml vbp vbw",
                "",
                "",
                NO_CONT,
                List.of(
                    new RemoveAbove(CommentFilter.perl("^\\s*Attribute\\s+VB_Name\\s+=")),
                    rm("^\\s*Attribute\\s+"),
                    rm("^\\s*'"))),
        row("Visual Basic .NET",
                "VB vb vbproj",
                "",
                "",
                NO_CONT,
                List.of(
                    new RemoveAbove(CommentFilter.perl("^\\s*Attribute\\s+VB_Name\\s+=")),
                    rm("^\\s*Attribute\\s+"),
                    rm("^\\s*'"))),
        row("Visual Basic Script",
                "VBS vbs",
                "",
                "",
                NO_CONT,
                List.of(
                    new RemoveAbove(CommentFilter.perl("^\\s*Attribute\\s+VB_Name\\s+=")),
                    rm("^\\s*Attribute\\s+"),
                    rm("^\\s*'"))),
        row("Visual Fox Pro", "SCA sca", "", "", NO_CONT, List.of(rm("^\\s*\\*"), rm("^\\s*&&"))),
        row("Visual Studio Module", "ixx", "", "", NO_CONT, cpp()),
        row("Visual Studio Solution",
                "sln",
                "",
                "",
                NO_CONT,
                List.of(rm("^\\s*#"), new HtmlComments(), new RegexpCommon(CommonSyntax.HTML))),
        row("Visualforce Component", "component", "", "", NO_CONT, html()),
        row("Visualforce Page", "page", "", "", NO_CONT, html()),
        row("Vuejs Component",
                "vue",
                "",
                "",
                NO_CONT,
                List.of(new HtmlComments(), new RegexpCommon(CommonSyntax.HTML), new RegexpCommon(CommonSyntax.CPP))),
        row("Web Services Description", "wsdl", "", "", NO_CONT, html()),
        row("WebAssembly", "wast wat", "", "", NO_CONT, List.of(rm("^\\s*;;"))),
        row("WGSL", "wgsl", "", "", NO_CONT, cpp()),
        row("Windows Message File",
                "mc",
                "",
                "",
                NO_CONT,
                List.of(rm("^\\s*;\\s*//"), new RegexpCommon(CommonSyntax.C), rm("^\\s*;\\s*$"))),
        row("Windows Module Definition", "def", "", "", NO_CONT, List.of(rm("^\\s*;"))),
        row("Windows Resource File", "rc rc2", "", "", NO_CONT, cpp()),
        row("WiX include", "wxi", "", "", NO_CONT, html()),
        row("WiX source", "wxs", "", "", NO_CONT, html()),
        row("WiX string localization", "wxl", "", "", NO_CONT, html()),
        row("WXML", "wxml", "", "", NO_CONT, html()),
        row("WXSS", "wxss", "", "", NO_CONT, List.of(new RegexpCommon(CommonSyntax.C))),
        row("X++",
                "xpo",
                "",
                "",
                CONT,
                List.of(rm("\\s*#\\s*//"), Between.regex("#\\s*/\\*", "\\*/"), new RegexpCommon(CommonSyntax.CPP))),
        row("XAML", "xaml", "", "", NO_CONT, html()),
        row("xBase",
                "prg prw",
                "",
                "",
                NO_CONT,
                List.of(
                    rm("^\\s*\\&\\&"),
                    rm("^\\s*\\*"),
                    rm("^\\s*NOTE"),
                    rm("^\\s*note"),
                    rm("^\\s*Note"),
                    new RegexpCommon(CommonSyntax.CPP))),
        row("xBase Header",
                "ch",
                "",
                "",
                NO_CONT,
                List.of(
                    rm("^\\s*\\&\\&"),
                    rm("^\\s*\\*"),
                    rm("^\\s*NOTE"),
                    rm("^\\s*note"),
                    rm("^\\s*Note"),
                    new RegexpCommon(CommonSyntax.CPP))),
        row("XHTML", "xhtml", "", "", NO_CONT, html()),
        row("XMI", "XMI xmi", "", "", NO_CONT, html()),
        row("XML",
                "XML adml admx ant app.config axml builds ccproj ccxml classpath clixml cproject cscfg csdef csl ct"
                + " depproj ditamap ditaval dll.config dotsettings filters fsproj gmx grxml iml ivy jelly jsproj kml"
                + " launch mdpolicy mjml natvis ndproj nproj nuget.config nuspec odd osm packages.config pkgproj plist"
                + " proj project props ps1xml psc1 pt rdf resx rss scxml settings.stylecop sfproj shproj srdf"
                + " storyboard sttheme sublime-snippet targets tmcommand tml tmlanguage tmpreferences tmsnippet tmtheme"
                + " urdf ux vcxproj vsixmanifest vssettings vstemplate vxml web.config web.debug.config"
                + " web.release.config wsf x3d xacro xib xlf xliff xml xml.dist xproj xspec xul zcml",
                "",
                "",
                NO_CONT,
                html()),
        row("XQuery", "xq xql xqm xquery xqy", "", "", NO_CONT, List.of(Between.general("(:", ":)"))),
        row("XSD", "XSD xsd", "", "", NO_CONT, html()),
        row("XSLT", "XSL XSLT xsl xslt", "", "", NO_CONT, html()),
        row("Xtend",
                "xtend",
                "",
                "",
                NO_CONT,
                List.of(new QuotedSlashStarSplit(), new RegexpCommon(CommonSyntax.CPP), rm("^\\s*\\x{c2ab}{3}"))),
        row("yacc", "y yacc", "", "", NO_CONT, cpp()),
        row("YAML",
                "clang-format clang-tidy gemrc glide.lock mir reek rviz sublime-syntax syntax yaml yaml-tmlanguage"
                + " yml yml.mysql",
                "",
                "",
                NO_CONT,
                hash()),
        row("Zig", "zig", "", "", NO_CONT, List.of(rm("^\\s*//"))),
        row("zsh", "zsh", "", "zsh", CONT, hash())
    );

    /** A cloc language whose comment filters this counter does not implement, and the cloc filter missing. */
    record UnsupportedLanguage(String name, List<String> extensions, List<String> fileNames,
                               List<String> interpreters, String missingFilter) {
    }

    static final List<UnsupportedLanguage> UNSUPPORTED = List.of(
        unsupported("Jupyter Notebook", "ipynb", "", "", "jupyter_nb")
    );

    /** cloc's {@code %Language_by_Prefix}: a file "STEM.anything" whose extensions are all unknown. */
    private static final Map<String, String> BY_PREFIX = Map.of("Dockerfile", "Dockerfile",
            "Containerfile", "Containerfile");

    private static final Map<String, ClocLanguage> BY_NAME = new LinkedHashMap<>();
    private static final Map<String, String> BY_EXTENSION = new HashMap<>();
    private static final Map<String, String> BY_FILE_NAME = new HashMap<>();
    private static final Map<String, String> BY_INTERPRETER = new HashMap<>();

    static {
        for (ClocLanguage lang : ROWS) {
            BY_NAME.put(lang.name(), lang);
            index(lang.name(), lang.extensions(), lang.fileNames(), lang.interpreters());
        }
        for (UnsupportedLanguage lang : UNSUPPORTED) {
            index(lang.name(), lang.extensions(), lang.fileNames(), lang.interpreters());
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

    /** The cloc language name an extension selects (supported or not). */
    static Optional<String> byExtension(String extension) {
        return Optional.ofNullable(BY_EXTENSION.get(extension));
    }

    /** The cloc language name an exact file name selects (supported or not). */
    static Optional<String> byFileName(String fileName) {
        return Optional.ofNullable(BY_FILE_NAME.get(fileName));
    }

    /** The cloc language name a {@code #!} interpreter selects (supported or not). */
    static Optional<String> byInterpreter(String interpreter) {
        return Optional.ofNullable(BY_INTERPRETER.get(interpreter));
    }

    /** The cloc language name a file name's stem selects. */
    static Optional<String> byPrefix(String stem) {
        return Optional.ofNullable(BY_PREFIX.get(stem));
    }

    private static void index(String name, List<String> extensions, List<String> fileNames,
                              List<String> interpreters) {
        extensions.forEach(e -> put(BY_EXTENSION, e, name));
        fileNames.forEach(f -> put(BY_FILE_NAME, f, name));
        interpreters.forEach(i -> put(BY_INTERPRETER, i, name));
    }

    private static void put(Map<String, String> map, String key, String lang) {
        String previous = map.put(key, lang);
        if (previous != null) {
            throw new IllegalStateException(key + " is claimed by " + previous + " and " + lang);
        }
    }

    private static ClocLanguage row(String name, String extensions, String fileNames, String interpreters,
                                    String continuation, List<CommentFilter> filters) {
        return new ClocLanguage(name, words(extensions), words(fileNames), words(interpreters), continuation,
                filters);
    }

    private static UnsupportedLanguage unsupported(String name, String extensions, String fileNames,
                                                   String interpreters, String missingFilter) {
        return new UnsupportedLanguage(name, words(extensions), words(fileNames), words(interpreters),
                missingFilter);
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
