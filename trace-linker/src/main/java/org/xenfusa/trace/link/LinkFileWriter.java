package org.xenfusa.trace.link;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.xenfusa.trace.spec.SpecificationItemId;

/** Writes links as a link file, so that links made in the web app can live in git too; {@link LinkFileReader} reads it back. */
// [impl->dsn~link-files~1]
public final class LinkFileWriter {
    private LinkFileWriter() {
    }

    public static String write(List<CodeLink> code, List<TestLink> tests) {
        return write(code, tests, Map.of());
    }

    /** Why a draft link was suggested: its score and reasons, written as the optional keys {@code score}, {@code reasons}. */
    public record SuggestionNote(double score, List<String> reasons) {
        public SuggestionNote {
            reasons = List.copyOf(reasons);
        }
    }

    /** Links as a link file, each code link in {@code notes} with its suggestion's score and reasons. */
    public static String write(List<CodeLink> code, List<TestLink> tests, Map<CodeLink, SuggestionNote> notes) {
        Map<SpecificationItemId, StringBuilder[]> byReq = new LinkedHashMap<>();
        for (CodeLink c : code) {
            StringBuilder b = parts(byReq, c.requirement())[0];
            b.append("      - file: ").append(quote(c.path())).append('\n');
            b.append("        function: ").append(quote(c.function())).append('\n');
            c.lines().ifPresent(l -> b.append("        lines: ").append(l).append('\n'));
            if (!c.artifactType().equals("impl")) {
                b.append("        type: ").append(c.artifactType()).append('\n');
            }
            c.reviewedHash().ifPresent(h -> b.append("        reviewed-hash: ").append(h).append('\n'));
            b.append("        state: ").append(c.state().name().toLowerCase(java.util.Locale.ROOT)).append('\n');
            c.author().ifPresent(a -> b.append("        author: ").append(quote(a)).append('\n'));
            c.reviewer().ifPresent(a -> b.append("        reviewer: ").append(quote(a)).append('\n'));
            c.reviewedAt().ifPresent(t -> b.append("        reviewed-at: ").append(t).append('\n'));
            c.reviewComment().ifPresent(t -> b.append("        review-comment: ").append(quote(t)).append('\n'));
            SuggestionNote note = notes.get(c);
            if (note != null) {
                b.append("        score: ").append(String.format(java.util.Locale.ROOT, "%.3f", note.score())).append('\n');
                if (!note.reasons().isEmpty()) {
                    b.append("        reasons:\n");
                    note.reasons().forEach(r -> b.append("          - ").append(quote(r)).append('\n'));
                }
            }
        }
        for (TestLink t : tests) {
            StringBuilder b = parts(byReq, t.requirement())[1];
            b.append("      - file: ").append(quote(t.path())).append('\n');
            b.append("        name: ").append(quote(t.name())).append('\n');
            if (!t.artifactType().equals("utest")) {
                b.append("        type: ").append(t.artifactType()).append('\n');
            }
        }
        StringBuilder out = new StringBuilder("# fusa link file: requirement -> code and tests\nversion: 1\nlinks:\n");
        byReq.forEach((req, p) -> {
            out.append("  - requirement: ").append(req).append('\n');
            if (!p[0].isEmpty()) {
                out.append("    code:\n").append(p[0]);
            }
            if (!p[1].isEmpty()) {
                out.append("    tests:\n").append(p[1]);
            }
        });
        return out.toString();
    }

    private static StringBuilder[] parts(Map<SpecificationItemId, StringBuilder[]> m, SpecificationItemId id) {
        return m.computeIfAbsent(id, k -> new StringBuilder[] {new StringBuilder(), new StringBuilder()});
    }

    /** A YAML double-quoted scalar: safe for any text. */
    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }
}
