package org.xenfusa.exports.xlsx;

import java.util.EnumMap;
import java.util.Map;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.xenfusa.trace.report.Verdict;

/** The handful of cell styles every workbook shares (a workbook holds at most 64,000 styles: make each once). */
final class WorkbookStyles {
    private final CellStyle header;
    private final CellStyle title;
    private final CellStyle label;
    private final CellStyle link;
    private final CellStyle integer;
    private final CellStyle decimal;
    private final CellStyle percent;
    private final CellStyle totalLabel;
    private final CellStyle totalInteger;
    private final CellStyle totalDecimal;
    private final CellStyle wrap;
    private final CellStyle warning;
    private final Map<Verdict, CellStyle> verdicts = new EnumMap<>(Verdict.class);
    private final CellStyle passed;
    private final CellStyle failed;

    WorkbookStyles(Workbook wb) {
        Font bold = wb.createFont();
        bold.setBold(true);
        Font big = wb.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 14);
        Font blue = wb.createFont();
        blue.setUnderline(Font.U_SINGLE);
        blue.setColor(IndexedColors.BLUE.getIndex());
        Font red = wb.createFont();
        red.setBold(true);
        red.setColor(IndexedColors.DARK_RED.getIndex());

        header = wb.createCellStyle();
        header.setFont(bold);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setBorderBottom(BorderStyle.THIN);
        header.setVerticalAlignment(VerticalAlignment.TOP);
        header.setWrapText(true);
        title = wb.createCellStyle();
        title.setFont(big);
        label = wb.createCellStyle();
        label.setFont(bold);
        label.setVerticalAlignment(VerticalAlignment.TOP);
        link = wb.createCellStyle();
        link.setFont(blue);
        integer = wb.createCellStyle();
        integer.setDataFormat(wb.createDataFormat().getFormat("#,##0"));
        decimal = wb.createCellStyle();
        decimal.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
        percent = wb.createCellStyle();
        percent.setDataFormat(wb.createDataFormat().getFormat("0.0"));
        totalLabel = wb.createCellStyle();
        totalLabel.setFont(bold);
        totalLabel.setBorderTop(BorderStyle.THIN);
        totalInteger = wb.createCellStyle();
        totalInteger.cloneStyleFrom(integer);
        totalInteger.setFont(bold);
        totalInteger.setBorderTop(BorderStyle.THIN);
        totalDecimal = wb.createCellStyle();
        totalDecimal.cloneStyleFrom(decimal);
        totalDecimal.setFont(bold);
        totalDecimal.setBorderTop(BorderStyle.THIN);
        wrap = wb.createCellStyle();
        wrap.setWrapText(true);
        wrap.setVerticalAlignment(VerticalAlignment.TOP);
        warning = wb.createCellStyle();
        warning.setFont(red);
        warning.setWrapText(true);
        verdicts.put(Verdict.COVERED, fill(wb, IndexedColors.LIGHT_GREEN));
        verdicts.put(Verdict.NOTHING_REQUIRED, fill(wb, IndexedColors.LIGHT_YELLOW));
        verdicts.put(Verdict.UNCOVERED, fill(wb, IndexedColors.ROSE));
        verdicts.put(Verdict.DEFECT, fill(wb, IndexedColors.CORAL));
        verdicts.put(Verdict.NOT_APPLICABLE, fill(wb, IndexedColors.GREY_25_PERCENT));
        passed = verdicts.get(Verdict.COVERED);
        failed = verdicts.get(Verdict.UNCOVERED);
    }

    private static CellStyle fill(Workbook wb, IndexedColors color) {
        CellStyle s = wb.createCellStyle();
        s.setFillForegroundColor(color.getIndex());
        s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        return s;
    }

    CellStyle header() {
        return header;
    }

    CellStyle title() {
        return title;
    }

    CellStyle label() {
        return label;
    }

    CellStyle link() {
        return link;
    }

    CellStyle integer() {
        return integer;
    }

    CellStyle decimal() {
        return decimal;
    }

    CellStyle percent() {
        return percent;
    }

    CellStyle totalLabel() {
        return totalLabel;
    }

    CellStyle totalInteger() {
        return totalInteger;
    }

    CellStyle totalDecimal() {
        return totalDecimal;
    }

    CellStyle wrap() {
        return wrap;
    }

    CellStyle warning() {
        return warning;
    }

    CellStyle verdict(Verdict v) {
        return verdicts.get(v);
    }

    CellStyle passed() {
        return passed;
    }

    CellStyle failed() {
        return failed;
    }
}
