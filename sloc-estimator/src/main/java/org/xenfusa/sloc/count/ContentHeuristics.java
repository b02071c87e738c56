package org.xenfusa.sloc.count;

import java.util.List;
import java.util.regex.Pattern;

/**
 * cloc 1.96's content tests for ambiguous extensions, point for point ({@code pascal_or_puppet},
 * {@code Perl_or_Prolog}, {@code really_is_php}, {@code really_is_incpascal}, ...). Each reads the
 * raw lines (with "\n" and any "\r") as cloc's {@code while (<$IN>)} does.
 */
final class ContentHeuristics {
    private ContentHeuristics() {
    }

    private static Pattern re(String regex) {
        return CommentFilter.perl(regex);
    }

    private static Pattern ci(String regex) {
        return Pattern.compile(regex, Pattern.UNIX_LINES | Pattern.CASE_INSENSITIVE);
    }

    private static boolean has(Pattern p, String line) {
        return p.matcher(line).find();
    }

    private static final Pattern PUPPET_COMMENT = re("^\\s*#\\s+");
    private static final Pattern[] PASCAL_CLUES = {
        ci("\\bprogram\\s+[A-Za-z]"), ci("\\bunit\\s+[A-Za-z]"), ci("\\bmodule\\s+[A-Za-z]"), ci("\\bprocedure\\b"),
        ci("\\bfunction\\b"), ci("^\\s*interface\\s+"), ci("^\\s*implementation\\s+"), ci("^\\s*uses\\s+"),
        ci("(?<!::)\\bbegin\\b(?!::)"), ci("(?<!::)\\bend\\b(?!::)"), re(":="), re("<>"),
        ci("^\\s*\\{\\$(I|INCLUDE)\\s+.*\\}"), re("writeln")};
    private static final Pattern PUPPET_CLASS = re("^\\s*class\\s+");
    private static final Pattern CLASS_OPERATOR = re("class\\s+operator\\s+");
    private static final Pattern[] PUPPET_CLUES = {
        re("^\\s*function\\s+[a-z][a-z0-9]+::[a-z][a-z0-9]+\\s*"), re("^\\s*type\\s+[A-Z]\\w+::[A-Z]\\w+\\s+"),
        re("^\\s*case\\s+"), re("^\\s*package\\s+"), re("^\\s*file\\s+"), re("^\\s*include\\s\\w+"),
        re("^\\s*service\\s+"), re("\\s\\$\\w+\\s*=\\s*\\S"), re("\\S\\s*=>\\s*\\S")};

    /** {@code pascal_or_puppet}: ties (no clue at all) go to Puppet. */
    static String pascalOrPuppet(List<String> lines) {
        double pascal = 0;
        double puppet = 0;
        for (String line : lines) {
            if (has(PUPPET_COMMENT, line)) {
                puppet += .001;
                continue;
            }
            for (Pattern p : PASCAL_CLUES) {
                if (has(p, line)) {
                    pascal++;
                }
            }
            if (has(PUPPET_CLASS, line) && !has(CLASS_OPERATOR, line)) {
                puppet++;
            }
            for (Pattern p : PUPPET_CLUES) {
                if (has(p, line)) {
                    puppet++;
                }
            }
            if (Math.abs(pascal - puppet) > 20) {
                break;
            }
        }
        return pascal > puppet ? "Pascal" : "Puppet";
    }

    private static final Pattern BLANK = re("^\\s*$");
    private static final Pattern PERL_SHEBANG = re("^#!.*?\\bperl");
    private static final Pattern[] PERL_CLUES = {re("^=(head|over|item|cut)"), re(";\\s*$"), re("(\\{|\\})"),
        re("^\\s*sub\\s+"), re("\\s*<<'"), re("\\$(\\w+->|[_!])")};
    private static final Pattern HASH = re("\\s*#");
    private static final Pattern PROLOG_END = re("\\.\\s*$");

    /** {@code Perl_or_Prolog}: ties go to Prolog. */
    static String perlOrProlog(List<String> lines) {
        int perl = 0;
        int prolog = 0;
        int lineNo = 0;
        for (String line : lines) {
            lineNo++;
            if (has(BLANK, line)) {
                continue;
            }
            if (lineNo == 1 && has(PERL_SHEBANG, line)) {
                perl = 100;
                break;
            }
            for (Pattern p : PERL_CLUES) {
                if (has(p, line)) {
                    perl++;
                }
            }
            if (!has(HASH, line) && has(PROLOG_END, line)) {
                prolog++;
            }
            if (line.contains(":-")) {
                prolog++;
            }
        }
        return perl > prolog ? "Perl" : "Prolog";
    }

    private static final Pattern VERILOG = re("^\\s*(module|begin|input|output|always)");
    private static final Pattern COQ = re("\\b(Inductive|Fixpoint|Definition|Theorem|Lemma|Proof|Qed|forall"
            + "|Section|Check|Notation|Variable|Goal|Fail|Require|Scheme|Module|Ltac|Set|Unset|Parameter"
            + "|Coercion|Axiom|Locate|Type|Record|Existing|Class)\\b");

    /** {@code Verilog_or_Coq}: ties go to Verilog. */
    static String verilogOrCoq(List<String> lines) {
        int coq = 0;
        int verilog = 0;
        for (String line : lines) {
            if (has(VERILOG, line)) {
                verilog++;
            }
            if (has(COQ, line)) {
                coq++;
            }
        }
        return coq > verilog ? "Coq" : "Verilog-SystemVerilog";
    }

    private static final Pattern GLADE = ci("generated\\s+with\\s+glade");

    /** {@code Qt_or_Glade}. */
    static String qtOrGlade(List<String> lines) {
        for (String line : lines) {
            if (has(GLADE, line)) {
                return "Glade";
            }
        }
        return "Qt";
    }

    private static final Pattern LISP_COMMENT = re("^\\s*;");
    private static final Pattern LISP_FORM = re("\\((def|eval|require|export|let|loop|dec|format)");
    private static final Pattern OPENCL = re("^\\s*(int|float|const|\\{)");
    private static final Pattern JULIA = re("^\\s*(function|end|println|for|while)");

    /** {@code Lisp_or_OpenCL} and {@code Lisp_or_Julia}: ties go to the other language. */
    static String lispOr(List<String> lines, String other) {
        Pattern otherClue = other.equals("Julia") ? JULIA : OPENCL;
        int lisp = 0;
        int points = 0;
        for (String line : lines) {
            if (has(LISP_COMMENT, line)) {
                lisp++;
            }
            if (has(LISP_FORM, line)) {
                lisp++;
            }
            if (has(otherClue, line)) {
                points++;
            }
        }
        return lisp > points ? "Lisp" : other;
    }

    private static final Pattern PROJECT = re("^\\s*<project\\s+");

    /** {@code Ant_or_XML} / {@code Maven_or_XML}: XML unless project clues win. */
    static String xmlOr(List<String> lines, String other, String namespace) {
        int otherPoints = 0;
        int xml = 1;
        for (String line : lines) {
            if (has(PROJECT, line)) {
                otherPoints++;
                xml--;
            }
            if (line.contains(namespace)) {
                otherPoints++;
                xml--;
            }
        }
        return xml >= otherPoints ? "XML" : other;
    }

    private static final Pattern SCRIPT_PHP = ci("<script.*language=\"?php\"?");
    private static final Pattern SCRIPT_END = ci("</script>");

    /** {@code really_is_php}: a {@code <?..?>}, {@code <script language=php>..</script>} or {@code <%..%>} pair. */
    static boolean reallyIsPhp(List<String> lines) {
        int normal = 0;
        int script = 0;
        int asp = 0;
        for (String line : lines) {
            if (line.contains("<?")) {
                normal |= 1;
            }
            if (line.contains("?>") && (normal & 1) != 0) {
                normal |= 2;
            }
            if (has(SCRIPT_PHP, line)) {
                script |= 1;
            }
            if (has(SCRIPT_END, line) && (script & 1) != 0) {
                script |= 2;
            }
            if (line.contains("<%")) {
                asp |= 1;
            }
            if (line.contains("%>") && (asp & 1) != 0) {
                asp |= 2;
            }
        }
        return normal == 3 || script == 3 || asp == 3;
    }

    private static final Pattern BRACE_COMMENT = re("\\{.*?\\}");
    private static final Pattern PAREN_COMMENT = re("\\(\\*.*?\\*\\)");
    private static final Pattern PROGRAM = ci("\\bprogram\\s+[A-Za-z]");
    private static final Pattern UNIT = ci("\\bunit\\s+[A-Za-z]");
    private static final Pattern MODULE = ci("\\bmodule\\s+[A-Za-z]");
    private static final Pattern PROCEDURE = ci("\\bprocedure\\b");
    private static final Pattern FUNCTION = ci("\\bfunction\\b");
    private static final Pattern INTERFACE = ci("^\\s*interface\\s+");
    private static final Pattern IMPLEMENTATION = ci("^\\s*implementation\\s+");
    private static final Pattern CONSTANT = ci("\\bconstant\\s+");
    private static final Pattern BEGIN = ci("\\bbegin\\b");
    private static final Pattern END_DOT = ci("end\\.\\s*$");

    private static String withoutPascalComments(String line) {
        return PAREN_COMMENT.matcher(BRACE_COMMENT.matcher(line).replaceAll("")).replaceAll("");
    }

    /** {@code really_is_pascal} (SLOCCount's test). */
    static boolean reallyIsPascal(List<String> lines) {
        boolean program = false;
        boolean unit = false;
        boolean module = false;
        boolean procOrFunc = false;
        boolean begin = false;
        boolean terminatingEnd = false;
        for (String raw : lines) {
            String line = withoutPascalComments(raw);
            program |= has(PROGRAM, line);
            unit |= has(UNIT, line);
            module |= has(MODULE, line);
            procOrFunc |= has(PROCEDURE, line) || has(FUNCTION, line) || has(INTERFACE, line)
                    || has(IMPLEMENTATION, line);
            begin |= has(BEGIN, line);
            terminatingEnd |= has(END_DOT, line);
        }
        return ((unit || program) && procOrFunc && begin && terminatingEnd)
                || (module && terminatingEnd) || (program && begin && terminatingEnd);
    }

    /**
     * {@code really_is_incpascal}: Pascal if {@link #reallyIsPascal} says so or any line has a
     * Pascal keyword, or ends in "end." (cloc's {@code $found_begin = 1} is an assignment, so no
     * "begin" is needed).
     */
    static boolean reallyIsIncPascal(List<String> lines) {
        if (reallyIsPascal(lines)) {
            return true;
        }
        for (String raw : lines) {
            String line = withoutPascalComments(raw);
            if (has(PROGRAM, line) || has(UNIT, line) || has(MODULE, line) || has(PROCEDURE, line)
                    || has(FUNCTION, line) || has(INTERFACE, line) || has(IMPLEMENTATION, line)
                    || has(CONSTANT, line) || has(END_DOT, line)) {
                return true;
            }
        }
        return false;
    }
}
