package org.xenfusa.exports.xlsx;

import java.util.Optional;

import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;

/**
 * Writes one sheet row by row (the streaming workbook cannot go back), remembering the widest text of each
 * column, since measuring fonts for auto-size is slow and needs every row in memory.
 */
final class SheetWriter {
    private static final int MAX_COLUMNS = 64;
    private static final int MIN_WIDTH = 8;
    private static final int MAX_WIDTH = 70;

    private final Sheet sheet;
    private final WorkbookStyles styles;
    private final int[] widths = new int[MAX_COLUMNS];
    private int next;
    private int headerRow = -1;
    private int columns;

    SheetWriter(Sheet sheet, WorkbookStyles styles) {
        this.sheet = sheet;
        this.styles = styles;
    }

    Sheet sheet() {
        return sheet;
    }

    /** Index (0-based) of the row the next call to {@link #row()} makes. */
    int nextRow() {
        return next;
    }

    Row row() {
        return sheet.createRow(next++);
    }

    void skip() {
        next++;
    }

    /** The table header: frozen and filtered by {@link #finishTable}. */
    Row header(String... names) {
        headerRow = next;
        columns = names.length;
        Row r = row();
        for (int c = 0; c < names.length; c++) {
            Cell cell = r.createCell(c);
            cell.setCellValue(names[c]);
            cell.setCellStyle(styles.header());
            measure(c, names[c]);
        }
        return r;
    }

    void text(Row r, int c, String value) {
        text(r, c, value, null);
    }

    void text(Row r, int c, String value, CellStyle style) {
        Cell cell = r.createCell(c);
        cell.setCellValue(value);
        if (style != null) {
            cell.setCellStyle(style);
        }
        measure(c, value);
    }

    void number(Row r, int c, double value, CellStyle style) {
        Cell cell = r.createCell(c);
        cell.setCellValue(value);
        cell.setCellStyle(style);
        measure(c, String.format("%,.1f", value));
    }

    void formula(Row r, int c, String formula, CellStyle style) {
        Cell cell = r.createCell(c);
        cell.setCellFormula(formula);
        cell.setCellStyle(style);
        measure(c, "0,000,000,000");
    }

    /** Text that links to a URL when there is one (a missing dashboard gives plain text, never a broken link). */
    void link(Row r, int c, String value, Optional<String> url) {
        if (url.isEmpty()) {
            text(r, c, value);
            return;
        }
        Cell cell = r.createCell(c);
        cell.setCellValue(value);
        Hyperlink link = sheet.getWorkbook().getCreationHelper().createHyperlink(HyperlinkType.URL);
        link.setAddress(url.get());
        cell.setHyperlink(link);
        cell.setCellStyle(styles.link());
        measure(c, value);
    }

    /** "B2:B41": a column's data rows between the header and {@code endRow} (exclusive). */
    String range(int column, int endRow) {
        String col = CellReference.convertNumToColString(column);
        return col + (headerRow + 2) + ":" + col + endRow;
    }

    static String cell(int column, int row) {
        return CellReference.convertNumToColString(column) + (row + 1);
    }

    int headerRow() {
        return headerRow;
    }

    /** Freezes the header (and {@code frozenColumns}), filters the data rows up to {@code lastDataRow}. */
    void finishTable(int frozenColumns, int lastDataRow) {
        sheet.createFreezePane(frozenColumns, headerRow + 1);
        sheet.setAutoFilter(new CellRangeAddress(headerRow, Math.max(headerRow, lastDataRow), 0, columns - 1));
        applyWidths();
    }

    void applyWidths() {
        for (int c = 0; c < MAX_COLUMNS; c++) {
            if (widths[c] > 0) {
                int chars = Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, widths[c] + 2));
                sheet.setColumnWidth(c, chars * 256);
            }
        }
    }

    private void measure(int c, String value) {
        if (c < MAX_COLUMNS && value != null) {
            int w = value.length();
            // a filter button sits in header cells
            if (widths[c] < w) {
                widths[c] = w;
            }
        }
    }

    void widen(int c, int chars) {
        widths[c] = Math.max(widths[c], chars);
    }
}
