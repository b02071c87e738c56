package org.xenfusa.misra;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rows of reStructuredText {@code .. list-table::} directives, as Xen's {@code rules.rst} and
 * {@code deviations.rst} write them: a row starts with {@code * - }, each further cell with {@code - } under the
 * first cell's dash, and deeper lines continue the cell. Cells are joined with single spaces; the header row comes
 * first in each table.
 */
final class RstListTable {
    private static final Pattern TABLE = Pattern.compile("^\\s*\\.\\. list-table::.*");
    private static final Pattern ROW = Pattern.compile("^(\\s*)\\* - ?(.*)$");
    private static final Pattern CELL = Pattern.compile("^(\\s*)- ?(.*)$");

    /** One row: its cells and the line (1-based) of its {@code * -}. */
    record Row(List<String> cells, int line) {
        String cell(int i) {
            return i < cells.size() ? cells.get(i) : "";
        }
    }

    /** One table: its rows, the header row first. */
    record Table(List<Row> rows, int line) {
    }

    private RstListTable() {
    }

    static List<Table> parse(String text) {
        List<Table> tables = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        List<Row> rows = null;
        int tableLine = 0;
        int dashColumn = -1;
        List<StringBuilder> cells = null;
        int rowLine = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (TABLE.matcher(line).matches()) {
                if (rows != null) {
                    finish(rows, cells, rowLine);
                    tables.add(new Table(rows, tableLine));
                }
                rows = new ArrayList<>();
                tableLine = i + 1;
                cells = null;
                continue;
            }
            if (rows == null) {
                continue;
            }
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                finish(rows, cells, rowLine);
                cells = new ArrayList<>();
                cells.add(new StringBuilder(row.group(2).strip()));
                dashColumn = row.group(1).length() + 2;
                rowLine = i + 1;
                continue;
            }
            if (cells == null) {
                if (!line.isBlank() && !line.startsWith(" ") && !rows.isEmpty()) {
                    tables.add(new Table(rows, tableLine));
                    rows = null;
                }
                continue;
            }
            Matcher cell = CELL.matcher(line);
            if (cell.matches() && cell.group(1).length() == dashColumn) {
                cells.add(new StringBuilder(cell.group(2).strip()));
            } else if (line.isBlank()) {
                continue;
            } else if (indent(line) > dashColumn) {
                StringBuilder last = cells.get(cells.size() - 1);
                last.append(last.isEmpty() ? "" : " ").append(line.strip());
            } else {
                finish(rows, cells, rowLine);
                cells = null;
                tables.add(new Table(rows, tableLine));
                rows = null;
            }
        }
        if (rows != null) {
            finish(rows, cells, rowLine);
            tables.add(new Table(rows, tableLine));
        }
        return tables;
    }

    private static void finish(List<Row> rows, List<StringBuilder> cells, int line) {
        if (cells != null) {
            rows.add(new Row(cells.stream().map(StringBuilder::toString).toList(), line));
        }
    }

    private static int indent(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return n;
    }
}
