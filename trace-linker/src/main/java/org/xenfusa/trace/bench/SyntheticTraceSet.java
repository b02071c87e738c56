package org.xenfusa.trace.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A deterministic benchmark input written to a folder: 10,000 specification items in Markdown
 * (500 features, 1,500 requirements, 8,000 designs needing impl and utest) and 1,000 tagged C
 * files, 50,000 links in all (9,500 Covers entries and 40,500 tags). Some designs are left
 * uncovered and some tags point at old revisions, so the tracer has defects to find.
 */
public final class SyntheticTraceSet {
    public static final int FEATURES = 500;
    public static final int REQUIREMENTS = 1_500;
    public static final int DESIGNS = 8_000;
    public static final int TAGGED_FILES = 1_000;
    public static final int TAGS = 40_500;

    private SyntheticTraceSet() {
    }

    /** Writes the set under {@code root} and returns the number of links written. */
    public static int write(Path root) throws IOException {
        Files.createDirectories(root.resolve("doc"));
        Files.createDirectories(root.resolve("src"));
        int links = 0;
        StringBuilder md = new StringBuilder();
        int fileNo = 0;
        for (int f = 0; f < FEATURES; f++) {
            md.append("### Feature ").append(f).append("\n`feat~f").append(f).append("~1`\nFeature text.\n\nNeeds: req\n\n");
        }
        for (int r = 0; r < REQUIREMENTS; r++) {
            md.append("### Requirement ").append(r).append("\n`req~r").append(r).append("~1`\nDescription:\nRequirement text.\n\nCovers:\n* feat~f")
                    .append(r % FEATURES).append("~1\n\nNeeds: dsn\n\n");
            links++;
            if (md.length() > 200_000) {
                Files.writeString(root.resolve("doc/spec" + fileNo++ + ".md"), md);
                md.setLength(0);
            }
        }
        for (int d = 0; d < DESIGNS; d++) {
            md.append("### Design ").append(d).append("\n`dsn~d").append(d).append("~1`\nDesign text.\n\nCovers:\n* req~r")
                    .append(d % REQUIREMENTS).append("~1\n\nNeeds: impl, utest\n\n");
            links++;
            if (md.length() > 200_000) {
                Files.writeString(root.resolve("doc/spec" + fileNo++ + ".md"), md);
                md.setLength(0);
            }
        }
        Files.writeString(root.resolve("doc/spec" + fileNo + ".md"), md);
        int tag = 0;
        for (int file = 0; file < TAGGED_FILES; file++) {
            // spread the remainder over the first files so that the total is exactly TAGS
            int perFile = TAGS / TAGGED_FILES + (file < TAGS % TAGGED_FILES ? 1 : 0);
            StringBuilder c = new StringBuilder("/* generated */\n#include <xen/lib.h>\n\n");
            for (int k = 0; k < perFile; k++, tag++) {
                int d = (tag / 5) % DESIGNS;
                String type = tag % 5 == 4 ? "utest" : "impl";
                // every 997th tag covers an outdated revision, so there is something to report
                int rev = tag % 997 == 0 ? 0 : 1;
                c.append("// [").append(type).append("->dsn~d").append(d).append('~').append(rev).append("]\n");
                c.append("int fn_").append(file).append('_').append(k).append("(int x)\n{\n    return x + ").append(k)
                        .append(";\n}\n\n");
                links++;
            }
            Files.writeString(root.resolve("src/unit" + file + ".c"), c);
        }
        return links;
    }
}
