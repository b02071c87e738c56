package org.xenfusa.web.trace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xenfusa.web.trace.RequirementService.RequirementText;

/**
 * Reads the first sheet of an XLSX workbook as a stream of rows (POI's event API: SAX over the sheet's XML, never
 * the workbook's object model), handing the requirement rows on in batches. The header row names the columns.
 */
// [impl->dsn~spreadsheet-import~1]
final class SpreadsheetImport {
    /** A requirement row: its number as the spreadsheet shows it, and its text. */
    record SheetRow(int number, RequirementText text) {
    }

    /** What the reader does with rows; a batch is never empty. */
    interface Batches {
        void accept(List<SheetRow> batch);
    }

    /** Thrown out of the SAX parse to stop reading: the problem names file and row. */
    static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int row;

        Stop(int row, String message) {
            super(message, null, false, false);
            this.row = row;
        }
    }

    private SpreadsheetImport() {
    }

    /**
     * Reads the rows of {@code content}'s first sheet after the header, {@code batchSize} at a time.
     *
     * @throws Stop when the header lacks a column, the sheet is missing or has more than {@code maxRows} rows
     * @throws IOException when it is not a readable XLSX workbook
     */
    static void read(byte[] content, int batchSize, int maxRows, Batches out) throws IOException {
        // from a file, not a stream: POI opens a stream by inflating every part of the workbook into memory (100,000
        // rows: about 50 MB for a 3.7 MB file), a file as a zip whose parts it inflates as they are read
        Path file = Files.createTempFile("fusa-sheet", ".xlsx");
        OPCPackage pkg = null;
        try {
            Files.write(file, content);
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new Stop(0, "the workbook has no sheet");
            }
            // first pass counts (cheap: no row kept), so that a sheet over the limit is refused before any work
            Rows count = new Rows(Integer.MAX_VALUE, maxRows, null);
            parse(reader, strings, count);
            count.finish();
            Rows rows = new Rows(batchSize, maxRows, out);
            parse(reader, strings, rows);
            rows.finish();
        } catch (OpenXML4JException | SAXException | ParserConfigurationException e) {
            throw new IOException(e.getMessage(), e);
        } catch (org.apache.poi.UnsupportedFileFormatException
                | org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException e) {
            throw new IOException(e.getMessage(), e);
        } finally {
            if (pkg != null) {
                pkg.revert(); // read only: nothing to save
            }
            Files.deleteIfExists(file);
        }
    }

    private static void parse(XSSFReader reader, ReadOnlySharedStringsTable strings, Rows rows)
            throws IOException, OpenXML4JException, SAXException, ParserConfigurationException {
        XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
        try (InputStream sheet = sheets.next()) {
            XMLReader parser = XMLHelper.newXMLReader(); // secure: no DTD, no external entity
            parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings, rows,
                    new DataFormatter(Locale.ROOT), false));
            parser.parse(new InputSource(sheet));
        }
    }

    /** Collects the cells of a row by column; the first row read is the header. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final int batchSize;
        private final int maxRows;
        private final Batches out;
        private final List<SheetRow> batch = new ArrayList<>();
        private final TreeMap<Integer, String> cells = new TreeMap<>();
        private Map<String, Integer> columns;
        private int lastColumn;
        private int dataRows;

        Rows(int batchSize, int maxRows, Batches out) {
            this.batchSize = batchSize;
            this.maxRows = maxRows;
            this.out = out;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
            lastColumn = -1;
        }

        @Override
        public void cell(String reference, String formattedValue, XSSFComment comment) {
            int column = reference == null ? lastColumn + 1 : new CellReference(reference).getCol();
            lastColumn = column;
            if (formattedValue != null) {
                cells.put(column, formattedValue);
            }
        }

        @Override
        public void endRow(int rowNum) {
            int number = rowNum + 1; // as the spreadsheet shows it
            if (columns == null) {
                header(number);
                return;
            }
            String id = cell("id");
            if (id.isBlank()) {
                return;
            }
            if (++dataRows > maxRows) {
                throw new Stop(number, "the sheet has more than " + maxRows + " requirement rows (the limit of one"
                        + " import): nothing imported; split it into several files");
            }
            if (out == null) {
                return; // counting only
            }
            batch.add(new SheetRow(number, new RequirementText(id, cell("title"), cell("description"),
                    cell("rationale"), cell("comment"), cell("status"), cell("covers"), cell("depends"),
                    cell("needs"))));
            if (batch.size() >= batchSize) {
                flush();
            }
        }

        private void header(int number) {
            columns = new HashMap<>();
            cells.forEach((column, text) -> columns.put(text.strip().toLowerCase(Locale.ROOT), column));
            for (String required : List.of("id", "title")) {
                if (!columns.containsKey(required)) {
                    throw new Stop(number, "the first row must name the columns (id, title, description, covers,"
                            + " needs); no '" + required + "' column");
                }
            }
        }

        private String cell(String name) {
            Integer index = columns.get(name);
            String v = index == null ? null : cells.get(index);
            return v == null ? "" : v.strip();
        }

        void finish() {
            if (columns == null) {
                throw new Stop(1, "the first row must name the columns (id, title, description, covers, needs);"
                        + " the sheet is empty");
            }
            flush();
        }

        private void flush() {
            if (out != null && !batch.isEmpty()) {
                out.accept(List.copyOf(batch));
                batch.clear();
            }
        }
    }
}
