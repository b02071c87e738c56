package org.xenfusa.sloc.count;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Languages whose comment filters are cloc routines of their own (Haskell's with Elm nesting and
 * literate ".lhs" styles, Fortran 77 and 90, PowerShell, Elixir docs, Forth parentheses, JSP,
 * Smarty) or Regexp::Common regexes other than C's (Pascal for Modula3, PL/SQL, Smalltalk). The
 * expected figures are what cloc 1.96 printed for these exact files.
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
            row("a.smarty", "{* smarty comment *}\n<p>{$x}</p>\n{* multi\n line *}\n", "Smarty", 0, 3, 1)
        );
    }

    @ParameterizedTest
    @MethodSource("cases")
    void countsAsCloc(Case c) {
        FileCount count = new ClocCounter().count(c.fileName(), c.content().getBytes(StandardCharsets.ISO_8859_1));
        assertThat(count).isEqualTo(FileCount.counted(c.language(), c.blank(), c.comment(), c.code()));
    }
}
