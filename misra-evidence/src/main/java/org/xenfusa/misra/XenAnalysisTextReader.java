package org.xenfusa.misra;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text report {@code xen-analysis.py} writes for cppcheck ({@code xen-cppcheck.txt}): one finding a line, in the
 * template {@code {file}({line},{column}):{id}:{severity}:{message}}. A line of another shape is a problem naming its
 * line; the other lines are read. The report does not name cppcheck's version.
 */
final class XenAnalysisTextReader {
    private static final Pattern LINE = Pattern.compile("^(.+?)\\((\\d+),(\\d+)\\):([^:]+):([^:]*):(.*)$");

    private XenAnalysisTextReader() {
    }

    static void read(byte[] content, FindingsImporter.Collector out) throws FindingsImporter.Refused {
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.indexOf('\0') >= 0) {
            throw new FindingsImporter.Refused(0, "not a text report (binary content)");
        }
        out.tool("cppcheck", "");
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            if (l.isBlank()) {
                continue;
            }
            Matcher m = LINE.matcher(l);
            if (!m.matches()) {
                out.problems.add(new MisraProblem(out.name, i + 1, "not a finding line of the form "
                        + "file(line,column):id:severity:message"));
                continue;
            }
            int line;
            try {
                line = Integer.parseInt(m.group(2));
            } catch (NumberFormatException e) {
                out.problems.add(new MisraProblem(out.name, i + 1, "line number " + m.group(2) + " is out of range"));
                continue;
            }
            out.add(i + 1, m.group(4), m.group(1), line, m.group(6).strip(), "cppcheck", "", false);
        }
    }
}
