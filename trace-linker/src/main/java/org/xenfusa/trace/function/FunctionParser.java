package org.xenfusa.trace.function;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.xenfusa.trace.spec.TextLines;

/** Finds the function definitions of one source file; the language is chosen by the file name. */
// [impl->dsn~function-index~1]
public final class FunctionParser {
    private FunctionParser() {
    }

    /** True for the files the index reads: C ({@code .c}, {@code .h}) and assembly ({@code .S}, {@code .s}). */
    public static boolean handles(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return lower.endsWith(".c") || lower.endsWith(".h") || lower.endsWith(".s");
    }

    public static List<SourceFunction> parse(String path, byte[] content) {
        List<String> lines = TextLines.of(content);
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".s")) {
            return AssemblyFunctions.find(path, lines);
        }
        return CFunctions.find(path, lines);
    }

    /** {@code sha256:} of lines {@code start..end} (1-based, inclusive) joined by "\n". */
    static String hash(List<String> lines, int start, int end) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (int i = start; i <= end; i++) {
                md.update(lines.get(i - 1).getBytes(StandardCharsets.UTF_8));
                md.update((byte) '\n');
            }
            return "sha256:" + HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
