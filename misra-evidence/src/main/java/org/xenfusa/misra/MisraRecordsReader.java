package org.xenfusa.misra;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.xenfusa.sloc.tree.SourceFile;
import org.xenfusa.sloc.tree.SourceTree;

import tools.jackson.databind.JsonNode;

/**
 * Reads Xen's MISRA records from a {@link SourceTree} (a commit through JGit, or a folder): nothing is executed, every
 * file is parsed. A file a release does not have gives no records (older releases have fewer); a row or entry that
 * cannot be read is a {@link MisraProblem} naming file and line, and everything else is read.
 */
public final class MisraRecordsReader {
    public static final String RULES = "docs/misra/rules.rst";
    public static final String DEVIATIONS = "docs/misra/deviations.rst";
    public static final String SAFE = "docs/misra/safe.json";
    public static final String FALSE_POSITIVE_PREFIX = "docs/misra/false-positive-";
    public static final String EXCLUDE_LIST = "docs/misra/exclude-list.json";
    public static final String TAGGING = "automation/eclair_analysis/ECLAIR/tagging.ecl";
    public static final String MONITORED = "automation/eclair_analysis/ECLAIR/monitored.ecl";

    private static final Pattern SAF_ID = Pattern.compile("SAF-(\\d+)-(safe|false-positive-[A-Za-z0-9_]+)");
    private static final Pattern ECL_GUIDELINE = Pattern.compile("MC\\d[A-Z0-9]*\\.[RD]\\d+\\.\\d+");
    private static final Pattern ECL_ENABLE = Pattern.compile("^-enable=(MC\\d[A-Z0-9]*\\.[RD]\\d+\\.\\d+)\\s*$");
    private static final Pattern ECL_ARCH = Pattern.compile("string_equal\\(target,\"([^\"]+)\"\\)");
    private static final Pattern DEVIATION_FILE = Pattern.compile("(?<![\\w/.-])((?:xen/)?(?:arch|common|drivers|include|"
            + "lib|crypto|xsm|tools|arm|x86)/[\\w./*-]+\\.[chS])\\b");

    private MisraRecordsReader() {
    }

    /** Every record of the tree, with the in-code SAF comments of its {@code .c}/{@code .h} files under {@code xen/}. */
    public static MisraRecords read(SourceTree tree) {
        List<MisraProblem> problems = new ArrayList<>();
        List<AcceptedGuideline> accepted = text(tree, RULES).map(t -> accepted(t, problems)).orElse(List.of());
        List<DeviationRecord> deviations = text(tree, DEVIATIONS).map(t -> deviations(t, problems)).orElse(List.of());
        List<SafRecord> saf = new ArrayList<>();
        tree.read(SAFE).ifPresent(b -> saf.addAll(safRecords(SAFE, b, "", problems)));
        for (SourceFile f : tree.filesUnder("docs/misra")) {
            if (f.path().startsWith(FALSE_POSITIVE_PREFIX) && f.path().endsWith(".json")) {
                String tool = f.path().substring(FALSE_POSITIVE_PREFIX.length(), f.path().length() - ".json".length());
                tree.read(f.path()).ifPresent(b -> saf.addAll(safRecords(f.path(), b, tool, problems)));
            }
        }
        duplicates(saf, problems);
        List<ExcludeEntry> excludes = tree.read(EXCLUDE_LIST).map(b -> excludes(b, problems)).orElse(List.of());
        Set<GuidelineId> clean = new TreeSet<>();
        Map<String, Set<GuidelineId>> cleanPerArch = new LinkedHashMap<>();
        text(tree, TAGGING).ifPresent(t -> clean(t, clean, cleanPerArch, problems));
        Set<GuidelineId> monitored = text(tree, MONITORED).map(t -> monitored(t, problems)).orElse(Set.of());
        List<SafComment> comments = SafCommentScanner.scan(tree);
        return new MisraRecords(accepted, deviations, saf, comments, excludes, clean, cleanPerArch, monitored,
                problems);
    }

    /**
     * The files Xen's records are read from, present in the tree, by path: rules.rst, deviations.rst, safe.json,
     * false-positive-*.json, exclude-list.json, tagging.ecl, monitored.ecl and ECLAIR's deviations.ecl (carried as
     * evidence with the findings).
     */
    public static Map<String, byte[]> recordFiles(SourceTree tree) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (String p : List.of(RULES, DEVIATIONS, SAFE, EXCLUDE_LIST, TAGGING, MONITORED,
                "automation/eclair_analysis/ECLAIR/deviations.ecl")) {
            tree.read(p).ifPresent(b -> out.put(p, b));
        }
        for (SourceFile f : tree.filesUnder("docs/misra")) {
            if (f.path().startsWith(FALSE_POSITIVE_PREFIX) && f.path().endsWith(".json")) {
                tree.read(f.path()).ifPresent(b -> out.put(f.path(), b));
            }
        }
        return out;
    }

    private static Optional<String> text(SourceTree tree, String path) {
        return tree.read(path).map(b -> new String(b, StandardCharsets.UTF_8));
    }

    /** The rows of rules.rst's tables: the first cell names the guideline (a link or plain text). */
    static List<AcceptedGuideline> accepted(String text, List<MisraProblem> problems) {
        List<AcceptedGuideline> out = new ArrayList<>();
        Set<GuidelineId> seen = new HashSet<>();
        for (RstListTable.Table table : RstListTable.parse(text)) {
            if (table.rows().isEmpty() || !table.rows().get(0).cell(0).toLowerCase(Locale.ROOT).endsWith("number")) {
                continue;
            }
            for (RstListTable.Row row : table.rows().subList(1, table.rows().size())) {
                String name = linkText(row.cell(0));
                Optional<GuidelineId> id = GuidelineId.parse(name);
                if (id.isEmpty()) {
                    problems.add(new MisraProblem(RULES, row.line(), "unknown guideline id '" + name + "'"));
                } else if (!seen.add(id.get())) {
                    problems.add(new MisraProblem(RULES, row.line(), id.get() + " is listed twice"));
                } else {
                    out.add(new AcceptedGuideline(id.get(), row.cell(1), row.cell(2), row.cell(3), row.line()));
                }
            }
        }
        return out;
    }

    /** {@code `Rule 15.6 <https://...>`_} is {@code Rule 15.6}. */
    private static String linkText(String cell) {
        String c = cell.strip();
        if (c.startsWith("`")) {
            int end = c.indexOf('<');
            c = (end < 0 ? c.substring(1) : c.substring(1, end)).replace("`_", "").replace("`", "");
        }
        return c.strip();
    }

    /**
     * The rows of deviations.rst's tables: those whose header is a "... identifier" name guidelines (an id that is not
     * one is a problem); the "Deviation" table's rows name an idiom and no guideline.
     */
    static List<DeviationRecord> deviations(String text, List<MisraProblem> problems) {
        List<DeviationRecord> out = new ArrayList<>();
        for (RstListTable.Table table : RstListTable.parse(text)) {
            String head = table.rows().isEmpty() ? "" : table.rows().get(0).cell(0).toLowerCase(Locale.ROOT);
            boolean byGuideline = head.endsWith("identifier");
            if (!byGuideline && !head.equals("deviation")) {
                continue;
            }
            for (RstListTable.Row row : table.rows().subList(1, table.rows().size())) {
                List<GuidelineId> ids = new ArrayList<>();
                if (byGuideline) {
                    boolean bad = false;
                    for (String part : row.cell(0).split("[,;]")) {
                        Optional<GuidelineId> id = GuidelineId.parse(part.strip());
                        if (id.isEmpty()) {
                            problems.add(new MisraProblem(DEVIATIONS, row.line(), "unknown guideline id '"
                                    + part.strip() + "'"));
                            bad = true;
                        } else {
                            ids.add(id.get());
                        }
                    }
                    if (bad && ids.isEmpty()) {
                        continue;
                    }
                }
                String all = row.cell(1) + " " + row.cell(2);
                Set<String> files = new LinkedHashSet<>();
                Matcher m = DEVIATION_FILE.matcher(all);
                while (m.find()) {
                    files.add(m.group(1).startsWith("xen/") ? m.group(1) : "xen/" + m.group(1));
                }
                boolean projectWide = all.toLowerCase(Locale.ROOT).contains("project-wide");
                out.add(new DeviationRecord(row.cell(0), ids, row.cell(1), row.cell(2), row.line(),
                        List.copyOf(files), projectWide));
            }
        }
        return out;
    }

    /** safe.json ({@code tool} empty) or false-positive-&lt;tool&gt;.json. */
    static List<SafRecord> safRecords(String path, byte[] content, String tool, List<MisraProblem> problems) {
        List<SafRecord> out = new ArrayList<>();
        try {
            XenJsonRecords.forEachEntry(content, (node, line) -> {
                String id = XenJsonRecords.text(node, "id");
                Matcher m = SAF_ID.matcher(id);
                if (!node.isObject() || !m.matches()) {
                    problems.add(new MisraProblem(path, line, "entry without a SAF id of the form SAF-<n>-safe or "
                            + "SAF-<n>-false-positive-<tool>: " + (id.isEmpty() ? node.toString() : "'" + id + "'")));
                    return;
                }
                String expected = tool.isEmpty() ? "safe" : "false-positive-" + tool;
                if (!m.group(2).equals(expected)) {
                    problems.add(new MisraProblem(path, line, "'" + id + "' does not belong in this file (its ids end"
                            + " in -" + expected + ")"));
                    return;
                }
                Map<String, String> analyser = new LinkedHashMap<>();
                if (tool.isEmpty()) {
                    JsonNode a = node.get("analyser");
                    if (a != null && a.isObject()) {
                        a.properties().forEach(e -> analyser.put(e.getKey(), e.getValue().asString("")));
                    }
                } else {
                    analyser.put(tool, XenJsonRecords.text(node, "violation-id"));
                }
                out.add(new SafRecord(id, analyser, XenJsonRecords.text(node, "name"), XenJsonRecords.text(node, "text"), path,
                        line));
            });
        } catch (XenJsonRecords.Malformed e) {
            problems.add(new MisraProblem(path, e.line, e.getMessage()));
            return List.of();
        }
        return out;
    }

    private static void duplicates(List<SafRecord> saf, List<MisraProblem> problems) {
        Set<String> ids = new HashSet<>();
        saf.removeIf(r -> {
            if (!ids.add(r.id())) {
                problems.add(new MisraProblem(r.file(), r.line(), "'" + r.id() + "' is defined twice"));
                return true;
            }
            return false;
        });
    }

    static List<ExcludeEntry> excludes(byte[] content, List<MisraProblem> problems) {
        List<ExcludeEntry> out = new ArrayList<>();
        try {
            XenJsonRecords.forEachEntry(content, (node, line) -> {
                String rel = XenJsonRecords.text(node, "rel_path");
                if (rel.isBlank()) {
                    problems.add(new MisraProblem(EXCLUDE_LIST, line, "entry without rel_path"));
                    return;
                }
                List<String> checkers = new ArrayList<>();
                JsonNode c = node.get("checkers");
                if (c != null && c.isArray()) {
                    c.forEach(x -> checkers.add(x.asString("")));
                } else if (c != null && c.isString()) {
                    checkers.add(c.asString());
                }
                out.add(new ExcludeEntry(rel, XenJsonRecords.text(node, "comment"), checkers, line));
            });
        } catch (XenJsonRecords.Malformed e) {
            problems.add(new MisraProblem(EXCLUDE_LIST, e.line, e.getMessage()));
            return List.of();
        }
        return out;
    }

    /**
     * tagging.ecl: the guidelines of the {@code clean_guidelines_common} selector, and those an
     * {@code if(string_equal(target,"<arch>"), ...additional_clean_guidelines...)} adds for one architecture.
     */
    static void clean(String text, Set<GuidelineId> common, Map<String, Set<GuidelineId>> perArch,
            List<MisraProblem> problems) {
        String[] lines = text.split("\r?\n", -1);
        String block = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.contains("clean_guidelines_common") && line.contains("service_selector")) {
                block = "";
            } else {
                Matcher arch = ECL_ARCH.matcher(line);
                if (arch.find()) {
                    block = arch.group(1);
                }
            }
            if (block == null) {
                continue;
            }
            Set<GuidelineId> into = block.isEmpty() ? common : perArch.computeIfAbsent(block, k -> new TreeSet<>());
            Matcher m = ECL_GUIDELINE.matcher(line);
            while (m.find()) {
                Optional<GuidelineId> id = GuidelineId.parse(m.group());
                if (id.isPresent()) {
                    into.add(id.get());
                } else {
                    problems.add(new MisraProblem(TAGGING, i + 1, "unknown guideline id '" + m.group() + "'"));
                }
            }
            if (line.contains("}") || line.strip().endsWith(")")) {
                block = null;
            }
        }
    }

    /** monitored.ecl: every {@code -enable=} guideline. */
    static Set<GuidelineId> monitored(String text, List<MisraProblem> problems) {
        Set<GuidelineId> out = new TreeSet<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = ECL_ENABLE.matcher(lines[i].strip());
            if (m.matches()) {
                Optional<GuidelineId> id = GuidelineId.parse(m.group(1));
                if (id.isPresent()) {
                    out.add(id.get());
                } else {
                    problems.add(new MisraProblem(MONITORED, i + 1, "unknown guideline id '" + m.group(1) + "'"));
                }
            }
        }
        return out;
    }
}
