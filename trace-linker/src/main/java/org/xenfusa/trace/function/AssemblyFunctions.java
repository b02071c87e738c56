package org.xenfusa.trace.function;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Functions of an assembly file, from the markers Xen's and Linux's sources use: a start
 * ({@code FUNC(name)}, {@code FUNC_LOCAL(name)}, {@code ENTRY(name)}, {@code GLOBAL(name)}, or a
 * label {@code name:} declared {@code .type name, %function}) up to its {@code END(name)},
 * {@code ENDPROC(name)} or {@code .size name}; without an end marker, up to the last non-blank
 * line before the next start.
 */
final class AssemblyFunctions {
    private static final Pattern START = Pattern.compile(
            "\\s*(?:FUNC|FUNC_LOCAL|ENTRY|GLOBAL|SYM_FUNC_START|SYM_FUNC_START_LOCAL)\\(\\s*([A-Za-z_.$][\\w.$]*)\\s*[,)].*");
    private static final Pattern END = Pattern.compile(
            "\\s*(?:END|ENDPROC|SYM_FUNC_END)\\(\\s*([A-Za-z_.$][\\w.$]*)\\s*\\).*|\\s*\\.size\\s+([A-Za-z_.$][\\w.$]*)\\s*,.*");
    private static final Pattern TYPE = Pattern.compile("\\s*\\.type\\s+([A-Za-z_.$][\\w.$]*)\\s*,\\s*[%@#]function.*");
    private static final Pattern LABEL = Pattern.compile("([A-Za-z_.$][\\w.$]*):.*");

    private AssemblyFunctions() {
    }

    static List<SourceFunction> find(String path, List<String> lines) {
        Set<String> typed = new HashSet<>();
        for (String line : lines) {
            Matcher t = TYPE.matcher(line);
            if (t.matches()) {
                typed.add(t.group(1));
            }
        }
        List<SourceFunction> found = new ArrayList<>();
        String open = null;
        int openStart = 0;
        for (int ln = 1; ln <= lines.size(); ln++) {
            String line = lines.get(ln - 1);
            String started = null;
            Matcher s = START.matcher(line);
            Matcher l = LABEL.matcher(line);
            if (s.matches()) {
                started = s.group(1);
            } else if (l.matches() && typed.contains(l.group(1)) && !l.group(1).equals(open)) {
                started = l.group(1);
            }
            if (started != null) {
                if (open != null) {
                    close(path, lines, open, openStart, ln - 1, found);
                }
                open = started;
                openStart = ln;
                continue;
            }
            Matcher e = END.matcher(line);
            if (open != null && e.matches()) {
                String name = e.group(1) != null ? e.group(1) : e.group(2);
                if (name.equals(open)) {
                    close(path, lines, open, openStart, ln, found);
                    open = null;
                }
            }
        }
        if (open != null) {
            close(path, lines, open, openStart, lines.size(), found);
        }
        return found;
    }

    private static void close(String path, List<String> lines, String name, int start, int end,
            List<SourceFunction> found) {
        int last = end;
        while (last > start && lines.get(last - 1).isBlank()) {
            last--;
        }
        found.add(new SourceFunction(path, name, start, last, FunctionParser.hash(lines, start, last)));
    }
}
