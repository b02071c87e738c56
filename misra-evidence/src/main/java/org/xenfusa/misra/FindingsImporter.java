package org.xenfusa.misra;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Imports analyser findings: SARIF 2.1.0 (ECLAIR, cppcheck, any SARIF tool), cppcheck's XML version 2, and the text
 * report {@code xen-analysis.py} writes ({@code file(line,column):id:severity:message}). The format is told from the
 * content. Each finding is placed in the snapshot ({@code files}: the paths of the tree's files).
 */
public final class FindingsImporter {
    /** Ids that try to name a MISRA C guideline (a wrong one is a problem; other checks are only counted). */
    private static final Pattern MISRA_LIKE = Pattern.compile("(?i)(misra.*|MC\\d.*|(rule|dir|directive)\\s+\\d.*)");

    private final FindingPaths paths;

    public FindingsImporter(Set<String> files) {
        this.paths = new FindingPaths(files);
    }

    /** Imports one file; {@code name} names it in problems and sources. */
    public FindingsImport read(String name, byte[] content) {
        Collector c = new Collector(name);
        String format;
        String head = new String(content, 0, Math.min(content.length, 512), java.nio.charset.StandardCharsets.UTF_8)
                .stripLeading();
        if (head.startsWith("\uFEFF")) {
            head = head.substring(1).stripLeading();
        }
        try {
            if (head.startsWith("{")) {
                format = "sarif";
                SarifFindingsReader.read(content, c);
            } else if (head.startsWith("<")) {
                format = "cppcheck-xml";
                CppcheckXmlReader.read(name, content, c);
            } else {
                format = "xen-analysis-text";
                XenAnalysisTextReader.read(content, c);
            }
        } catch (Refused e) {
            return new FindingsImport(List.of(), List.of(), 0, List.of(new MisraProblem(name, e.line, e.getMessage())));
        }
        return new FindingsImport(c.findings, List.of(new FindingsImport.Source(name, format, sha256(content),
                c.findings.size(), c.tool, c.toolVersion)), c.notMisra, c.problems);
    }

    /** Imports several files, in order ({@code files}: name to content), as one import. */
    public FindingsImport readAll(java.util.Map<String, byte[]> files) {
        FindingsImport all = FindingsImport.empty();
        for (java.util.Map.Entry<String, byte[]> f : files.entrySet()) {
            all = all.plus(read(f.getKey(), f.getValue()));
        }
        return all;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** The whole file is refused (not the format, malformed, a DOCTYPE): the line where and why. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        final int line;

        Refused(int line, String message) {
            super(message);
            this.line = line;
        }
    }

    /** Collects one file's findings; each reader hands every finding to {@link #add}. */
    final class Collector {
        final String name;
        final List<MisraFinding> findings = new ArrayList<>();
        final List<MisraProblem> problems = new ArrayList<>();
        int notMisra;
        String tool = "";
        String toolVersion = "";

        Collector(String name) {
            this.name = name;
        }

        /** One finding as the input states it, {@code at} the line of the input it was read from. */
        void add(int at, String ruleId, String file, int line, String message, String tool, String version,
                boolean suppressed) {
            String rule = ruleId == null ? "" : ruleId.strip();
            Optional<GuidelineId> id = GuidelineId.parse(rule);
            String where = (file == null || file.isBlank() ? "(no file)" : file) + ":" + line;
            if (id.isEmpty()) {
                if (MISRA_LIKE.matcher(rule).matches()) {
                    problems.add(new MisraProblem(name, at, where + ": unknown guideline id '" + rule + "'"));
                } else {
                    notMisra++;
                }
                return;
            }
            if (file == null || file.isBlank()) {
                problems.add(new MisraProblem(name, at, "finding of " + id.get() + " without a file"));
                return;
            }
            Optional<String> placed = paths.resolve(file);
            if (placed.isEmpty()) {
                problems.add(new MisraProblem(name, at, where + ": file not in the snapshot (finding of " + id.get()
                        + ")"));
                return;
            }
            if (line < 1) {
                problems.add(new MisraProblem(name, at, where + ": no line for the finding of " + id.get()));
                return;
            }
            findings.add(new MisraFinding(id.get(), placed.get(), line, message == null ? "" : message,
                    MisraFinding.toolKey(tool), version == null ? "" : version, suppressed));
        }

        void tool(String name, String version) {
            this.tool = name == null ? "" : name.toLowerCase(Locale.ROOT);
            this.toolVersion = version == null ? "" : version;
        }
    }
}
