package org.xenfusa.sloc.count;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Languages whose comment filters are cloc routines of their own (Haskell's with Elm nesting and
 * literate ".lhs" styles, Fortran 77 and 90, PowerShell, Elixir docs, Forth parentheses, JSP,
 * Smarty, indented blocks of Pug, Slim and Haml, JCL, R Markdown, Specman e, Brainfuck, Groovy's
 * strings holding a comment opener, Jupyter code cells) or blank-line rules (COBOL's columns, X++'s lone '#'), or
 * Regexp::Common regexes other than C's (Pascal for Modula3, PL/SQL, Smalltalk). The expected
 * figures are what cloc 1.96 printed for these exact files.
 */
class OwnFilterLanguagesTest {

    record Case(String fileName, String content, String language, int blank, int comment, int code) {
        @Override
        public String toString() {
            return language + " (" + fileName + ")";
        }
    }

    static Case row(String fileName, String content, String language, int blank, int comment, int code) {
        return new Case(fileName, content, language, blank, comment, code);
    }

    static List<Case> cases() {
        return List.of(
            row("a.ex", "defmodule M do\n"
                    + "  @moduledoc ~S\"\"\"\n"
                    + "  Docs\n"
                    + "  \"\"\"\n"
                    + "  # comment\n"
                    + "  def f, do: 1\n"
                    + "end\n",
                    "Elixir", 0, 4, 3),
            row("a.elm", "module M exposing (..)\n"
                    + "{- outer\n"
                    + "  {- inner -}\n"
                    + "  still outer\n"
                    + "-}\n"
                    + "x = 1\n"
                    + "-- c\n",
                    "Elm", 0, 5, 2),
            row("a.fth", ": sq ( n -- n )\n  dup * ;\n\\ line\n: cube ( n\n  -- n ) dup sq * ;\n", "Forth", 0, 2, 3),
            row("a.f77", "C old comment\n      x = 1\n* star\n      ! bang\n      end\n", "Fortran 77", 0, 3, 2),
            row("a.f90", "program p\n"
                    + "! comment\n"
                    + "!$omp parallel\n"
                    + "  x = 1 ! trailing\n"
                    + "!hpf$ align\n"
                    + "end program\n",
                    "Fortran 90", 0, 3, 3),
            row("a.hs", "{-# LANGUAGE GADTs #-}\n"
                    + "module M where\n"
                    + "-- line comment\n"
                    + "x = 1 -- trailing\n"
                    + "{- block\n"
                    + "   {- nested -}\n"
                    + "   still -}\n"
                    + "y = 2 {- inline -} + 3\n",
                    "Haskell", 0, 4, 4),
            row("bird.lhs", "Some prose.\n\n> main = print 1\n> -- a comment\nmore prose\n", "Haskell", 1, 3, 1),
            row("latex.lhs", "Prose\n\\begin{code}\nmain = print 2\n-- c\n\\end{code}\nafter\n", "Haskell", 0, 5, 1),
            row("a.jsp", "<%@ page x %>\n"
                    + "<%-- one --%>\n"
                    + "<p>x</p> <%-- open\n"
                    + "  still\n"
                    + "  --%> <b/>\n"
                    + "<!-- html -->\n"
                    + "<% int a = 1; // c %>\n",
                    "JSP", 0, 4, 3),
            row("a.m3", "MODULE M;\n"
                    + "(* comment *)\n"
                    + "VAR x: INTEGER; (* trailing *)\n"
                    + "{ brace }\n"
                    + "BEGIN END M.\n",
                    "Modula3", 0, 2, 3),
            row("a.prc", "CREATE PROCEDURE p IS\n"
                    + "-- line\n"
                    + "BEGIN /* block\n"
                    + "  */ NULL;\n"
                    + "END;\n",
                    "Oracle PL/SQL", 0, 2, 3),
            row("a.ps1", "<#\n"
                    + " block\n"
                    + "#>\n"
                    + "Write-Host \"x\" # trailing\n"
                    + "# line\n"
                    + "$a = 1 <# inline #>\n",
                    "PowerShell", 0, 4, 2),
            row("a.st", "\"comment\"\nObject subclass: #A.\nx := 1. \"trailing\"\n", "Smalltalk", 0, 1, 2),
            row("a.smarty", "{* smarty comment *}\n<p>{$x}</p>\n{* multi\n line *}\n", "Smarty", 0, 3, 1),
            row("hello.bf", "++++++++[>++++[>++>+++>+++>+<<<<-]>+>+>->>+[<]<-]>>.\n"
                    + ">---.+++++++..+++.>>.<-.<.+++.------.--------.>>+.\n"
                    + "This is a comment line\n"
                    + "[\n"
                    + "]\n",
                    "Brainfuck", 0, 1, 4),
            row("fixed.cob", "000100 IDENTIFICATION DIVISION.\n"
                    + "000200*COMMENT IN COLUMN 7\n"
                    + "000300\n"
                    + "000400 PROGRAM-ID. HELLO.\n"
                    + "*     COMMENT IN COLUMN 1\n"
                    + "000500/\n"
                    + "000600 PROCEDURE DIVISION.\n"
                    + "000700     DISPLAY \"HI\".\n",
                    "COBOL", 2, 2, 4),
            row("free.cbl", "      $ SET SOURCEFORMAT\"FREE\"\n"
                    + "IDENTIFICATION DIVISION.\n"
                    + "  * free comment\n"
                    + "PROGRAM-ID. HELLO.\n"
                    + "\n",
                    "COBOL", 1, 1, 3),
            row("build.gradle", "apply plugin: \"java\"\n// c\ndef p = \"src/*.java\"\n", "Gradle", 0, 1, 2),
            row("a.groovy", "def s = \"a/*b\"\n"
                    + "/* real comment */\n"
                    + "def t = 1 // trailing\n"
                    + "println \"x/*y\" + \"z*/w\"\n",
                    "Groovy", 0, 1, 3),
            row("a.haml", "%p hello\n"
                    + "-#\n"
                    + "  silent block\n"
                    + "  more\n"
                    + "/ html comment line\n"
                    + "<!-- x -->\n"
                    + "%div\n",
                    "Haml", 0, 5, 2),
            row("a.jcl", "//JOB1 JOB (ACCT)\n//* comment\n//STEP1 EXEC PGM=X\n//\n//AFTER END\n", "JCL", 0, 3, 2),
            row("a.pug", "doctype html\n"
                    + "//\n"
                    + "  block comment\n"
                    + "  still\n"
                    + "p hello\n"
                    + "// line comment\n"
                    + "//- silent\n"
                    + "div\n",
                    "Pug", 0, 5, 3),
            row("a.Rmd", "---\n"
                    + "title: x\n"
                    + "---\n"
                    + "Prose here.\n"
                    + "```{r}\n"
                    + "# comment\n"
                    + "x <- 1\n"
                    + "```\n"
                    + "More prose\n"
                    + "```{python}\n"
                    + "y = 2\n"
                    + "```\n",
                    "Rmd", 0, 10, 2),
            row("a.slim", "doctype html\n"
                    + "/ block comment\n"
                    + "  still comment\n"
                    + "p hello\n"
                    + "/! html comment\n",
                    "Slim", 0, 2, 3),
            row("a.e", "Prose before\n"
                    + "<'\n"
                    + "struct s {\n"
                    + "  -- comment\n"
                    + "  x : int; // c\n"
                    + "};\n"
                    + "'>\n"
                    + "Prose after\n",
                    "Specman e", 0, 2, 6),
            row("a.xpo", "#\nstatic void main()\n{\n  #\n  // c\n  int x; \\\n\n}\n", "X++", 2, 2, 4),
            row("a.ipynb", "{\n"
                    + " \"cells\": [\n"
                    + "  {\n"
                    + "   \"cell_type\": \"markdown\",\n"
                    + "   \"metadata\": {},\n"
                    + "   \"source\": [\n"
                    + "    \"# Title\\n\",\n"
                    + "    \"text\"\n"
                    + "   ]\n"
                    + "  },\n"
                    + "  {\n"
                    + "   \"cell_type\": \"code\",\n"
                    + "   \"execution_count\": 1,\n"
                    + "   \"metadata\": {},\n"
                    + "   \"outputs\": [],\n"
                    + "   \"source\": [\n"
                    + "    \"# a comment\\n\",\n"
                    + "    \"import os\\n\",\n"
                    + "    \"\\n\",\n"
                    + "    \"x = 1\"\n"
                    + "   ]\n"
                    + "  }\n"
                    + " ],\n"
                    + " \"metadata\": {},\n"
                    + " \"nbformat\": 4,\n"
                    + " \"nbformat_minor\": 2\n"
                    + "}\n",
                    "Jupyter Notebook", 0, 25, 2),
            row("page.tpl", "{* comment *}\n<p>{$name}</p>\n{if $x}yes{/if}\n", "Smarty", 0, 1, 2)
        );
    }

    @Test
    void aDotBFileThatDoesNotLookLikeBrainfuckIsDroppedUnlisted() {
        FileCount count = new ClocCounter().count("notbf.b",
                "just some words\nnot brainfuck at all\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(count.isCounted()).isFalse();
        assertThat(ClocCounter.isListedAsIgnored(count)).isFalse();
    }

    @Test
    void aDotTplFileThatDoesNotLookLikeSmartyIsDroppedUnlisted() {
        FileCount count = new ClocCounter().count("plain.tpl",
                "<p>plain template</p>\n<p>no smarty</p>\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(count.isCounted()).isFalse();
        assertThat(ClocCounter.isListedAsIgnored(count)).isFalse();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void countsAsCloc(Case c) {
        FileCount count = new ClocCounter().count(c.fileName(), c.content().getBytes(StandardCharsets.ISO_8859_1));
        assertThat(count).isEqualTo(FileCount.counted(c.language(), c.blank(), c.comment(), c.code()));
    }
}
