package org.xenfusa.coverage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** A snapshot held in memory: path to text. */
final class MemorySnapshot implements SnapshotFiles {
    private final Map<String, byte[]> files = new LinkedHashMap<>();

    MemorySnapshot with(String path, String text) {
        files.put(path, text.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    MemorySnapshot with(String path, byte[] content) {
        files.put(path, content);
        return this;
    }

    @Override
    public Set<String> paths() {
        return files.keySet();
    }

    @Override
    public byte[] read(String path) throws IOException {
        byte[] b = files.get(path);
        if (b == null) {
            throw new IOException("no " + path);
        }
        return b;
    }

    /** {@code n} lines of code {@code x = i;} (so that any line may carry data). */
    static String code(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            s.append("    x = ").append(i).append(";\n");
        }
        return s.toString();
    }
}
