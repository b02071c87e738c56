package org.xenfusa.misra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.xenfusa.sloc.tree.SourceFile;
import org.xenfusa.sloc.tree.SourceTree;

/**
 * Finds in-code SAF comments as {@code xen-analysis.py} does: in every {@code .c} and {@code .h} file under
 * {@code xen/}, a line that matches {@code ^(before)(/\* +SAF-<n>-<type>.*\*&#47;)$} (the comment ends the line). When
 * {@code before} is empty or blanks the comment applies to the next line, otherwise to its own line.
 */
public final class SafCommentScanner {
    /** tag_database.py's get_xen_tag_comment_regex, for any tool. */
    static final Pattern COMMENT = Pattern.compile(
            "^(?<before>.*)(?<comment>/\\* +(?<tag>SAF-(?<id>\\d+)-(?<type>safe|false-positive-[A-Za-z0-9_]+)).*\\*/)$");
    private static final byte[] NEEDLE = "SAF-".getBytes(StandardCharsets.US_ASCII);

    private SafCommentScanner() {
    }

    public static List<SafComment> scan(SourceTree tree) {
        List<SafComment> out = new ArrayList<>();
        for (SourceFile f : tree.filesUnder("xen")) {
            String p = f.path();
            if (!p.endsWith(".c") && !p.endsWith(".h")) {
                continue;
            }
            byte[] content;
            try {
                content = tree.read(f);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + p, e);
            }
            if (contains(content, NEEDLE)) {
                out.addAll(scan(p, new String(content, StandardCharsets.UTF_8)));
            }
        }
        return out;
    }

    /** The SAF comments of one file's text. */
    public static List<SafComment> scan(String path, String text) {
        List<SafComment> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (!line.contains("SAF-")) {
                continue;
            }
            Matcher m = COMMENT.matcher(line);
            if (m.matches()) {
                out.add(new SafComment(path, i + 1, m.group("tag"), !m.group("before").isBlank()));
            }
        }
        return out;
    }

    private static boolean contains(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
