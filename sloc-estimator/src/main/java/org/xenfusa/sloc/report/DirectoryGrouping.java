package org.xenfusa.sloc.report;

import java.util.Arrays;

/**
 * The directory a file is reported under, as the FuSa SIG's tables group Xen: one level below the
 * folder being looked at ({@code xen/common}, {@code xen/drivers} under {@code xen/}), one more
 * under an {@code arch} folder so that each architecture is its own row ({@code xen/arch/arm}).
 * For the whole tree the rows start two levels down ({@code xen/common}, {@code tools/libs}).
 */
public final class DirectoryGrouping {
    private DirectoryGrouping() {
    }

    /**
     * @param path a file path relative to the tree root
     * @param prefix the folder looked at, "" or ending in '/'; {@code path} starts with it
     */
    public static String directoryOf(String path, String prefix) {
        String[] parts = path.split("/");
        int base = prefix.isEmpty() ? 0 : prefix.split("/").length;
        int depth = base + (prefix.isEmpty() ? 2 : 1);
        for (int i = base; i < depth && i < parts.length - 1; i++) {
            if (parts[i].equals("arch")) {
                depth = Math.max(depth, i + 2);
            }
        }
        int dirs = Math.min(depth, parts.length - 1);
        return dirs <= 0 ? (prefix.isEmpty() ? "." : prefix.substring(0, prefix.length() - 1))
                : String.join("/", Arrays.copyOf(parts, dirs));
    }
}
