package org.xenfusa.sloc.xen;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.xenfusa.sloc.tree.SourceTree;

/**
 * Which Xen releases the Kconfig and Kbuild engines evaluate exactly. Xen 4.14 imported Linux's Kconfig with its
 * macro language ({@code $(SRCARCH)}, {@code $(cc-option ...)}) and the Kbuild layout
 * ({@code xen/scripts/Kbuild.include}) the engines model. Releases 4.7 to 4.13 use the older Kconfig language,
 * where {@code option env="SRCARCH"} imports a variable and {@code source "arch/$SRCARCH/Kconfig"} expands it, and
 * an older build: read with the newer grammar they give a nearly empty {@code .config} and meaningless counts, so
 * they are refused.
 */
// [impl->dsn~xen-release-support~1]
public final class XenSupport {
    /** The range stated to users (README, CLI, the pages that show figures across tags). */
    public static final String SUPPORTED_RANGE = "Xen 4.14 (RELEASE-4.14.0) and later";

    private static final Pattern OPTION_ENV = Pattern.compile("(?m)^[ \\t]*option[ \\t]+env[ \\t]*=[ \\t]*\"?([A-Za-z0-9_]*)");

    private XenSupport() {
    }

    /**
     * Refuses a tree with no top Kconfig (Xen before 4.7), or whose top Kconfig uses the Kconfig language before macros.
     *
     * @param srcDir Xen's build folder in the tree ({@code xen} or empty)
     * @throws UnsupportedXenReleaseException naming the release, the commit and the construct found
     */
    public static void check(SourceTree tree, String srcDir) {
        String dir = srcDir.isEmpty() || srcDir.endsWith("/") ? srcDir : srcDir + "/";
        if (tree.file(dir + "Kconfig").isEmpty()) {
            // Xen before 4.7 has no Kconfig: evaluated anyway, it gave figures from a defconfig that does not exist
            throw new UnsupportedXenReleaseException(version(text(tree, dir + "Makefile")), tree.commit().orElse(""),
                    "it has no " + dir + "Kconfig (Xen configures its build with Kconfig from 4.7)");
        }
        String kconfig = text(tree, dir + "Kconfig");
        Matcher m = OPTION_ENV.matcher(kconfig);
        if (!m.find()) {
            return;
        }
        int line = (int) kconfig.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
        String reason = "its Kconfig uses the language before Kconfig macros (option env=\"" + m.group(1) + "\" at "
                + dir + "Kconfig:" + line + ")";
        if (tree.file(dir + "scripts/Kbuild.include").isEmpty()) {
            reason += " and its build predates the Kbuild layout the engine models (no " + dir + "scripts/Kbuild.include)";
        }
        throw new UnsupportedXenReleaseException(version(text(tree, dir + "Makefile")), tree.commit().orElse(""), reason);
    }

    private static String text(SourceTree tree, String path) {
        return tree.read(path).map(b -> new String(b, StandardCharsets.UTF_8)).orElse("");
    }

    /** {@code XEN_VERSION.XEN_SUBVERSION} and the extra version, as Xen's Makefile sets them, e.g. {@code 4.12.0}. */
    static String version(String makefile) {
        String v = variable(makefile, "XEN_VERSION");
        String s = variable(makefile, "XEN_SUBVERSION");
        if (v.isEmpty() || s.isEmpty()) {
            return "";
        }
        return v + "." + s + variable(makefile, "XEN_EXTRAVERSION").replaceAll("\\$\\([A-Za-z_]+\\)", "");
    }

    private static String variable(String makefile, String name) {
        Matcher m = Pattern.compile("(?m)^(?:export\\s+)?" + name + "\\s*[?:]?=[ \\t]*(.*?)[ \\t]*$").matcher(makefile);
        return m.find() ? m.group(1) : "";
    }
}
