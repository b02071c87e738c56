package org.xenfusa.exports.docx;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import javax.imageio.ImageIO;

/**
 * A horizontal grouped bar chart drawn with Java2D into a PNG: one group per directory, one bar per series.
 * Fonts are the logical "SansSerif", which every JDK maps to an installed font (DejaVu Sans on Debian).
 */
public final class DirectoryBarChart {
    private static final Color[] SERIES = {new Color(0x1F, 0x38, 0x64), new Color(0x2E, 0x75, 0xB6),
        new Color(0x9D, 0xC3, 0xE6)};
    private static final int SCALE = 2;

    private DirectoryBarChart() {
    }

    /** One bar series (e.g. "make cloc") with one value per label. */
    public record Series(String name, List<Long> values) {
        public Series {
            values = List.copyOf(values);
        }
    }

    /** Pixel size of the chart the PNG holds (before the 2x scale used for sharp print). */
    public static int width() {
        return 900;
    }

    public static int height(int labels, int series) {
        return 90 + labels * (series * 12 + 10);
    }

    public static byte[] png(String title, List<String> labels, List<Series> series) {
        int w = width();
        int h = height(labels.size(), series.size());
        BufferedImage img = new BufferedImage(w * SCALE, h * SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.scale(SCALE, SCALE);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
            g.drawString(title, 10, 22);
            Font label = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
            g.setFont(label);
            FontMetrics fm = g.getFontMetrics();
            int labelWidth = 0;
            for (String l : labels) {
                labelWidth = Math.max(labelWidth, fm.stringWidth(l));
            }
            labelWidth = Math.min(labelWidth, 300);
            int left = 16 + labelWidth;
            int right = w - 70;
            long max = 1;
            for (Series s : series) {
                for (long v : s.values()) {
                    max = Math.max(max, v);
                }
            }
            long step = niceStep(max);
            long axisMax = ((max + step - 1) / step) * step;
            int top = 40;
            int groupHeight = series.size() * 12 + 10;
            int bottom = top + labels.size() * groupHeight;
            // grid and axis labels
            g.setStroke(new BasicStroke(0.5f));
            for (long v = 0; v <= axisMax; v += step) {
                int x = left + (int) ((right - left) * (double) v / axisMax);
                g.setColor(new Color(0xD9, 0xD9, 0xD9));
                g.drawLine(x, top - 4, x, bottom);
                g.setColor(Color.DARK_GRAY);
                String t = String.format("%,d", v);
                g.drawString(t, x - fm.stringWidth(t) / 2, bottom + 14);
            }
            for (int i = 0; i < labels.size(); i++) {
                int y = top + i * groupHeight;
                g.setColor(Color.BLACK);
                String l = clip(labels.get(i), fm, labelWidth);
                g.drawString(l, left - 8 - fm.stringWidth(l), y + groupHeight / 2 + 4);
                for (int s = 0; s < series.size(); s++) {
                    long v = series.get(s).values().get(i);
                    int len = (int) Math.round((right - left) * (double) v / axisMax);
                    g.setColor(SERIES[s % SERIES.length]);
                    g.fillRect(left, y + 5 + s * 12, Math.max(len, 1), 10);
                    g.setColor(Color.DARK_GRAY);
                    g.drawString(String.format("%,d", v), left + len + 4, y + 14 + s * 12);
                }
            }
            g.setColor(Color.BLACK);
            g.drawLine(left, top - 4, left, bottom);
            // legend
            int lx = left;
            int ly = h - 16;
            for (int s = 0; s < series.size(); s++) {
                g.setColor(SERIES[s % SERIES.length]);
                g.fillRect(lx, ly - 9, 12, 10);
                g.setColor(Color.BLACK);
                String name = series.get(s).name();
                g.drawString(name, lx + 16, ly);
                lx += 16 + fm.stringWidth(name) + 24;
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a PNG in memory", e);
        }
        return out.toByteArray();
    }

    /** A 1-2-5 step giving four to ten grid lines. */
    static long niceStep(long max) {
        long step = 1;
        while (max / step > 10) {
            if (max / (step * 2) <= 10) {
                return step * 2;
            }
            if (max / (step * 5) <= 10) {
                return step * 5;
            }
            step *= 10;
        }
        return step;
    }

    private static String clip(String s, FontMetrics fm, int width) {
        if (fm.stringWidth(s) <= width) {
            return s;
        }
        String t = s;
        while (t.length() > 1 && fm.stringWidth("..." + t) > width) {
            t = t.substring(1);
        }
        return "..." + t;
    }
}
