package org.xenfusa.trace.spec;

import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits file content into lines as Java's {@code BufferedReader.readLine} does (OFT reads with it):
 * "\n", "\r\n" and a lone "\r" end a line; a last line without an end still counts.
 */
public final class TextLines {
    private TextLines() {
    }

    /** The content decoded as UTF-8 (bad bytes become U+FFFD), split into lines. */
    public static List<String> of(byte[] content) {
        return split(decode(content));
    }

    /** UTF-8 text of {@code content}; malformed bytes become U+FFFD rather than failing the import. */
    public static String decode(byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("a replacing decoder cannot fail", e);
        }
    }

    public static List<String> split(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(text.substring(start, i));
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < n) {
            lines.add(text.substring(start));
        }
        return lines;
    }
}
