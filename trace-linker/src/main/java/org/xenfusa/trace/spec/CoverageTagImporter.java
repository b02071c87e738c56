package org.xenfusa.trace.spec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * Reads OFT coverage tags from any text file: {@code [impl->dsn~name~1]},
 * {@code [impl~~2->dsn~name~1]}, {@code [impl~own-name~2->dsn~name~1]},
 * {@code [dsn->req~name~1>>impl,utest]}, several on one line, and short tags {@code [[name:1]]}
 * where a {@link ShortTagRule} applies. Each tag becomes an item covering the tagged id, with
 * the id OFT gives it (the covered name plus a CRC-32 of path, line, position and covered id).
 */
// [impl->dsn~coverage-tags~1]
public final class CoverageTagImporter {
    private static final String WS = "\\s*";
    /** Groups: 1 type, 2 own name, 4 own revision, 5 covered id, 9 needed types. */
    private static final Pattern LONG_TAG = Pattern.compile("\\[" + WS + "(\\p{Alpha}+)(?:~("
            + SpecificationItemId.NAME_PATTERN + ")?~" + SpecificationItemId.REVISION_PATTERN + ")?" + WS + "->" + WS
            + "(" + SpecificationItemId.ID_PATTERN + ")" + WS + "(?:>>" + WS + "(\\p{Alpha}+(?:" + WS + "," + WS
            + "\\p{Alpha}+)*)" + WS + ")?\\]");
    /** Groups: 1 covered name, 2 revision. */
    private static final Pattern SHORT_TAG = Pattern.compile("\\[\\[" + SpecificationItemId.NAME_PATTERN + ":(\\w+)\\]\\]");

    /** The file extensions OFT 4.4's tag importer reads by default (case-sensitive, as OFT compares them). */
    public static final Set<String> DEFAULT_EXTENSIONS = Set.of("ads", "adb", "bat", "c", "C", "cc", "cpp", "c++",
            "h", "H", "h++", "hh", "hpp", "c#", "cs", "cfg", "conf", "ini", "feature", "go", "groovy", "json", "htm",
            "html", "xhtml", "yaml", "yml", "java", "clj", "kt", "kts", "scala", "js", "mjs", "cjs", "ejs", "ts", "lua",
            "m", "mm", "php", "proto", "pl", "pm", "py", "robot", "pu", "puml", "plantuml", "r", "rs", "sh", "bash",
            "zsh", "sv", "v", "inc", "swift", "toml", "tf", "tfvars", "sql", "pls");

    private CoverageTagImporter() {
    }

    /** True when OFT reads tags from a file of this name without a path configuration. */
    public static boolean readsByDefault(String path) {
        int dot = path.lastIndexOf('.');
        return dot > 0 && DEFAULT_EXTENSIONS.contains(path.substring(dot + 1));
    }

    /** The tags of one file; {@code shortTags} applies when it is present. */
    public static SpecificationImport importFile(String path, byte[] content, Optional<ShortTagRule> shortTags) {
        List<SpecificationItem> items = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        List<String> lines = TextLines.of(content);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int lineNumber = i + 1;
            // a line without '[' holds no tag: skipping the regex there is most of the speed
            if (line.indexOf('[') < 0) {
                continue;
            }
            try {
                longTags(path, lineNumber, line, items);
                if (shortTags.isPresent()) {
                    shortTags(path, lineNumber, line, shortTags.get(), items);
                }
            } catch (SpecificationItemId.MalformedIdException e) {
                problems.add(new ImportProblem(new Location(path, lineNumber), e.getMessage()));
            }
        }
        return new SpecificationImport(items, problems);
    }

    private static void longTags(String path, int lineNumber, String line, List<SpecificationItem> items) {
        Matcher m = LONG_TAG.matcher(line);
        int position = 0;
        while (m.find()) {
            SpecificationItemId covered = new SpecificationItemId(m.group(6), m.group(7),
                    SpecificationItemId.parseRevision(m.group(8), m.group()));
            List<String> needs = m.group(9) == null ? List.of()
                    : Arrays.stream(m.group(9).split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
            String name = m.group(2) != null ? m.group(2)
                    : needs.isEmpty() ? uniqueName(covered, path, lineNumber, position) : covered.name();
            int revision = m.group(4) == null ? 0 : SpecificationItemId.parseRevision(m.group(4), m.group());
            items.add(SpecificationItem.coverage(new SpecificationItemId(m.group(1), name, revision),
                    new Location(path, lineNumber), List.of(covered), needs));
            position++;
        }
    }

    private static void shortTags(String path, int lineNumber, String line, ShortTagRule rule,
            List<SpecificationItem> items) {
        Matcher m = SHORT_TAG.matcher(line);
        int position = 0;
        while (m.find()) {
            SpecificationItemId covered = new SpecificationItemId(rule.coveredType(),
                    rule.coveredNamePrefix() + m.group(1), parseShortRevision(m.group(2), m.group(1)));
            SpecificationItemId id = new SpecificationItemId(rule.tagType(),
                    uniqueName(covered, path, lineNumber, position), SpecificationItemId.ANY_REVISION);
            items.add(SpecificationItem.coverage(id, new Location(path, lineNumber), List.of(covered), List.of()));
            position++;
        }
    }

    private static int parseShortRevision(String text, String name) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new SpecificationItemId.MalformedIdException("revision '" + text + "' of short tag '" + name
                    + "' is not a number");
        }
    }

    /** OFT's generated name: the covered name, '-', and the CRC-32 of path + line + position + covered id. */
    static String uniqueName(SpecificationItemId covered, String path, int lineNumber, int position) {
        CRC32 crc = new CRC32();
        crc.update((path + lineNumber + position + covered).getBytes(StandardCharsets.UTF_8));
        return covered.name() + "-" + crc.getValue();
    }
}
