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
    /** The language with the most points; ties go to the name first in byte order (cloc's sort). */
    private static String best(java.util.Map<String, Integer> points) {
        return points.entrySet().stream()
                .sorted(java.util.Map.Entry.<String, Integer>comparingByValue().reversed()
                        .thenComparing(java.util.Map.Entry.comparingByKey()))
                .findFirst().orElseThrow().getKey();
    }

    private static final Pattern BRACE = re("[{}]");
    private static final Pattern M_MUMPS_FIRST = re("^[A-Z]");
    private static final Pattern M_C_COMMENT = re("^\\s*/\\*");
    private static final Pattern M_CPP_COMMENT = re("^\\s*//");
    private static final Pattern M_MERCURY = re("^:-\\s+");
    private static final Pattern M_MATRIX = re("\\w+\\s*=\\s*\\[");
    private static final Pattern M_CALL = re("\\w+\\[");
    private static final Pattern M_ASSIGN = re("^\\s*\\w+\\s*=\\s*");
    private static final Pattern M_MUMPS_WORDS = re("^\\s*\\.?(\\w)\\s+(\\w)");
    private static final Pattern M_SEMICOLON = re("^\\s*;");
    private static final Pattern M_INCLUDE = re("^\\s*#(include|import)");
    private static final Pattern M_OBJC_KEYWORD = re("^\\s*@(interface|implementation|protocol|public|protected|private|end)\\s");
    private static final Pattern M_BEGIN_PACKAGE = re("^\\s*BeginPackage");
    private static final Pattern M_BRACKET = re("^\\s*\\[");
    private static final Pattern M_KILL = re("^\\sK(ill)?\\s+");
    private static final Pattern M_FUNCTION = re("^\\s*function");
    private static final Pattern M_PERCENT = re("^\\s*%");

    /** {@code matlab_or_objective_C} for ".m": MATLAB, Mathematica, MUMPS, Objective-C or Mercury by points. */
    static String matlabOrObjectiveC(List<String> lines) {
        int matlab = 0;
        int mathematica = 0;
        int objc = 0;
        int mumps = 0;
        int mercury = 0;
        int lineNo = 0;
        for (String line : lines) {
            lineNo++;
            if (lineNo == 1 && has(M_MUMPS_FIRST, line)) {
                mumps++;
            }
            if (has(M_C_COMMENT, line) || has(M_CPP_COMMENT, line)) {
                objc += 5;
                matlab -= 5;
            } else if (has(M_MERCURY, line)) {
                mercury = 1000;
                break;
            } else if (has(M_MATRIX, line)) {
                matlab += 5;
            }
            java.util.regex.Matcher words;
            if (has(M_CALL, line)) {
                mathematica += 2;
            } else if (has(M_ASSIGN, line)) {
                mumps--;
            } else if ((words = M_MUMPS_WORDS.matcher(line)).find() && !Character.isDigit(words.group(1).charAt(0))
                    && !Character.isDigit(words.group(2).charAt(0))) {
                mumps++;
            } else if (has(M_SEMICOLON, line)) {
                mumps++;
            }
            if (has(M_INCLUDE, line) || has(M_OBJC_KEYWORD, line)) {
                objc = 1000;
                matlab = 0;
                break;
            } else if (has(M_BEGIN_PACKAGE, line)) {
                mathematica += 2;
            } else if (has(M_BRACKET, line)) {
                matlab += 5;
            } else if (has(M_KILL, line)) {
                mumps += 5;
            } else if (has(M_FUNCTION, line) || has(M_PERCENT, line)) {
                objc--;
                matlab++;
            }
        }
        return best(java.util.Map.of("MATLAB", matlab, "Mathematica", mathematica, "MUMPS", mumps,
                "Objective-C", objc, "Mercury", mercury));
    }

    private static final Pattern[] IDL_CLUES = {re("^\\s*;"), ci("plot\\(")};
    private static final Pattern[] QTPRO_CLUES = {ci("^\\s*(qt|configs|sources|template|target|targetpath|subdirs)\\b"),
        ci("qthavemodule")};
    private static final Pattern[] PROLOG_CLUES = {re("\\.\\s*$"), re(":-")};
    private static final Pattern[] PROGUARD_CLUES = {re("^\\s*#"), re("^-keep"), re("^-(dont)?obfuscate")};

    /** {@code IDL_or_QtProject} for ".pro": IDL, Qt Project, Prolog or ProGuard by points. */
    static String idlOrQtProject(List<String> lines) {
        int idl = 0;
        int qt = 0;
        int prolog = 0;
        int proguard = 0;
        for (String line : lines) {
            idl += hits(IDL_CLUES, line);
            qt += hits(QTPRO_CLUES, line);
            prolog += hits(PROLOG_CLUES, line);
            proguard += hits(PROGUARD_CLUES, line);
        }
        return best(java.util.Map.of("IDL", idl, "Qt Project", qt, "Prolog", prolog, "ProGuard", proguard));
    }

    private static int hits(Pattern[] clues, String line) {
        int n = 0;
        for (Pattern p : clues) {
            if (has(p, line)) {
                n++;
            }
        }
        return n;
    }

    private static final Pattern FORTH_DEFINITION = re("^:\\s");
    private static final Pattern FORTRAN_CLUE = ci("^([c*][^a-z]|\\s{6,}(subroutine|program|end|implicit)\\s|\\s*!)");
    private static final Pattern FSHARP_CLUE = re("^\\s*(#light|import|let|module|namespace|open|type)");

    /** {@code Forth_or_Fortran} (".f", ".for") and {@code Forth_or_Fsharp} (".fs"): ties go to the other language. */
    static String forthOr(List<String> lines, String other) {
        Pattern clue = other.equals("F#") ? FSHARP_CLUE : FORTRAN_CLUE;
        int forth = 0;
        int points = 0;
        for (String line : lines) {
            if (has(FORTH_DEFINITION, line)) {
                forth++;
            }
            if (has(clue, line)) {
                points++;
            }
        }
        return forth > points ? "Forth" : other;
    }

    private static final Pattern TS_LINGUIST = re("\\b</?(message|source|translation)>");
    private static final Pattern[] TS_CLUES = {re("^\\s*(var|const|let|class|document)\\b"), re("[;}]\\s*$"),
        re("^\\s*//")};

    /** {@code TypeScript_or_QtLinguist} for ".ts": ties go to TypeScript. */
    static String typeScriptOrQtLinguist(List<String> lines) {
        int ts = 0;
        int linguist = 0;
        for (String line : lines) {
            if (has(TS_LINGUIST, line)) {
                linguist++;
            }
            ts += hits(TS_CLUES, line);
        }
        return ts >= linguist ? "TypeScript" : "Qt Linguist";
    }

    private static final Pattern CS_INLINE_COMMENT = re("//.*?$");
    private static final Pattern CS_END = re("[;}{]\\s*$");
    private static final Pattern CS_USING = re("^(using|namespace)\\s");
    private static final Pattern CS_MEMBER = re("^\\s*(public|private|new)\\s");
    private static final Pattern CS_ASSEMBLY = re("^\\s*\\[assembly:");
    private static final Pattern SMALLTALK_END = re("(\\!|\\]\\.)\\s*$");
    private static final Pattern CS_GENERATED = re("^//-{70,}.*?//\\s+<auto-generated>");

    /** {@code Csharp_or_Smalltalk} for ".cs", then cloc's "C# Generated" test on the first two lines. */
    static String csharpOrSmalltalk(List<String> lines) {
        int cs = 0;
        int smalltalk = 0;
        for (String raw : lines) {
            String line = CS_INLINE_COMMENT.matcher(raw).replaceFirst("");
            if (has(BLANK, line)) {
                continue;
            }
            if (has(CS_END, line)) {
                cs++;
            } else if (has(CS_USING, line) || has(CS_MEMBER, line)) {
                cs += 20;
            } else if (has(CS_ASSEMBLY, line)) {
                cs++;
            }
            if (has(SMALLTALK_END, line)) {
                smalltalk++;
                cs--;
            }
        }
        if (smalltalk > cs) {
            return "Smalltalk";
        }
        // cloc's first_line($file, 2): both lines chomped and joined
        String firstTwo = lines.stream().limit(2).map(PerlLines::chomp).collect(java.util.stream.Collectors.joining());
        return has(CS_GENERATED, firstTwo) ? "C# Generated" : "C#";
    }

    private static final Pattern TEX_CLUE = re("\\s*(%|\\\\)");
    private static final Pattern VB_MEMBER = ci("^\\s*(public|private)\\s");
    private static final Pattern VB_KEYWORD = ci("^\\s*(end|attribute|version)\\s");
    private static final Pattern APEX_CLUE = re("[{}]|;\\s*$");

    /** {@code Visual_Basic_or_TeX_or_Apex} for ".cls". */
    static String visualBasicOrTexOrApex(List<String> lines) {
        int vb = 0;
        int tex = 0;
        int apex = 0;
        for (String line : lines) {
            if (has(BLANK, line)) {
                continue;
            }
            if (has(TEX_CLUE, line)) {
                tex++;
                continue;
            }
            if (has(VB_MEMBER, line)) {
                vb++;
                apex++;
            } else if (has(VB_KEYWORD, line)) {
                vb++;
            }
            if (has(APEX_CLUE, line)) {
                apex++;
            }
        }
        return best(java.util.Map.of("Visual Basic", vb, "TeX", tex, "Apex Class", apex));
    }

    private static final Pattern SALT_TEMPLATE = re("\\{%.*%}");
    private static final Pattern SALT_JINJA = re("map\\.jinja\\b");
    private static final Pattern SCHEME_FORM = re("\\((define|lambda|let|cond|do)\\s");

    /** {@code Scheme_or_SaltStack} for ".sls": ties go to SaltStack. */
    static String schemeOrSaltStack(List<String> lines) {
        int scheme = 0;
        int salt = 0;
        for (String line : lines) {
            if (has(BLANK, line)) {
                continue;
            }
            if (has(SALT_TEMPLATE, line) || has(SALT_JINJA, line)) {
                salt += 5;
            } else if (has(SCHEME_FORM, line)) {
                scheme++;
            }
        }
        return scheme > salt ? "Scheme" : "SaltStack";
    }
    private static final Pattern BF_CLUE = re("([+-]{4,}|[\\[\\]]{4,}|[<>][+-]|<{3,}|^\\s*[\\[\\]]\\s*$)");

    /** {@code really_is_bf}: more than half the lines, or more than five, look like Brainfuck. */
    static boolean reallyIsBrainfuck(List<String> rawLines) {
        // cloc reads the file with its read_file here (byte-order mark and "\r" handling included)
        List<String> lines = ClocCounter.readLines(String.join("", rawLines).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        int hits = 0;
        for (String line : lines) {
            if (has(BF_CLUE, line)) {
                hits++;
            }
        }
        return (!lines.isEmpty() && (double) hits / lines.size() > 0.5) || hits > 5;
    }
    private static final Pattern SMARTY_CLUE = re("\\{(if|include)\\s|\\{/if\\}|(\\{\\*|\\*\\})|\\{\\$\\w");

    /** {@code really_is_smarty}: at least two lines with Smarty tags or comments. */
    static boolean reallyIsSmarty(List<String> rawLines) {
        List<String> lines = ClocCounter.readLines(String.join("", rawLines).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        int points = 0;
        for (String line : lines) {
            if (has(SMARTY_CLUE, line) && ++points >= 2) {
                return true;
            }
        }
        return false;
    }
}
