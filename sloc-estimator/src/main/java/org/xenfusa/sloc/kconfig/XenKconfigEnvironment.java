package org.xenfusa.sloc.kconfig;

import org.xenfusa.sloc.xen.XenArch;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.xenfusa.sloc.tree.SourceTree;

/**
 * The environment Xen's Makefile exports when it runs kconfig: ARCH, SRCARCH, srctree (Xen builds
 * in tree, so "."), the version from {@code xen/Makefile}, and the toolchain variables of the
 * profile (CC, LD, CLANG_FLAGS, XEN_HAS_CHECKPOLICY, XEN_HAS_BUILD_ID).
 */
final class XenKconfigEnvironment {
    private XenKconfigEnvironment() {
    }

    static Map<String, String> of(SourceTree tree, String srcDir, XenArch arch, ToolchainProfile profile) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("ARCH", arch.targetArch());
        env.put("XEN_TARGET_ARCH", arch.targetArch());
        env.put("SRCARCH", arch.srcArch());
        env.put("srctree", ".");
        // releases before 4.17 name the source folder BASEDIR in Kconfig.include
        env.put("BASEDIR", ".");
        env.put("KBUILD_DEFCONFIG", arch.defaultDefconfig());
        String dir = srcDir.isEmpty() || srcDir.endsWith("/") ? srcDir : srcDir + "/";
        String makefile = tree.read(dir + "Makefile").map(b -> new String(b, StandardCharsets.UTF_8)).orElse("");
        String version = makeVariable(makefile, "XEN_VERSION");
        String sub = makeVariable(makefile, "XEN_SUBVERSION");
        String extra = makeVariable(makefile, "XEN_EXTRAVERSION").replace("$(XEN_VENDORVERSION)", "");
        env.put("XEN_VERSION", version);
        env.put("XEN_SUBVERSION", sub);
        env.put("XEN_EXTRAVERSION", extra);
        env.put("XEN_FULLVERSION", version + "." + sub + extra);
        env.putAll(profile.variables());
        return env;
    }

    private static String makeVariable(String makefile, String name) {
        Matcher m = Pattern.compile("(?m)^(?:export\\s+)?" + name + "\\s*[?:]?=[ \\t]*(.*?)[ \\t]*$").matcher(makefile);
        return m.find() ? m.group(1) : "";
    }
}
