package org.xenfusa.exports.synthetic;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A requirements workbook of any size for benchmarks and tests ({@code fusa bench import}): a header row, then
 * {@code rows} software requirements {@code swreq~<prefix>_<n>~1} (the first 100 cover nothing, each later one covers
 * one of them, as a flat real set does), written with POI's
 * streaming writer so that making a large sheet does not take the memory it is meant to measure.
 */
public final class SyntheticRequirementSheet {
    private SyntheticRequirementSheet() {
    }

    public static byte[] of(int rows, String prefix) {
        try (SXSSFWorkbook book = new SXSSFWorkbook(200)) {
            Sheet sheet = book.createSheet("requirements");
            String[] header = {"id", "title", "description", "rationale", "status", "covers", "needs"};
            Row h = sheet.createRow(0);
            for (int j = 0; j < header.length; j++) {
                h.createCell(j).setCellValue(header[j]);
            }
            for (int i = 1; i <= rows; i++) {
                Row row = sheet.createRow(i);
                row.createCell(0).setCellValue(id(prefix, i));
                row.createCell(1).setCellValue("Requirement " + i + " of " + prefix);
                row.createCell(2).setCellValue("The hypervisor shall do thing " + i + " within its time budget.");
                row.createCell(3).setCellValue("Needed by the safety concept, item " + (i % 97) + ".");
                row.createCell(4).setCellValue("approved");
                row.createCell(5).setCellValue(i > 100 ? id(prefix, i % 100 + 1) : "");
                row.createCell(6).setCellValue("impl, utest");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The id of row {@code n}. */
    public static String id(String prefix, int n) {
        return "swreq~" + prefix + "_" + n + "~1";
    }
}
