package org.xenfusa.exports.docx;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.util.Units;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowHeightRule;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.xmlbeans.XmlCursor;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBookmark;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTP;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTShd;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.StylesDocument;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTText;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STShd;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;
import org.xenfusa.exports.DocumentProperties;
import org.xenfusa.exports.FixedTimeZip;
import org.xenfusa.exports.model.EvidenceContext;

/**
 * A report being written with Apache POI's XWPF: A4 pages, numbered headings with bookmarks, a contents list
 * made of real TOC and PAGEREF fields, tables with repeated header rows, PNG figures, page header and footer.
 */
public final class WordDocument {
    /** Text width of an A4 page with 2 cm margins, in twentieths of a point. */
    static final int TEXT_WIDTH = 9638;
    private static final String HEADER_FILL = "D9E2F3";

    private final XWPFDocument doc = new XWPFDocument();
    private final EvidenceContext context;
    private final String title;
    private final List<Heading> headings = new ArrayList<>();
    private XWPFParagraph contentsAnchor;
    private int[] numbers = new int[2];
    private boolean appendix;
    private int pictures;

    /** A heading as the contents list shows it. */
    record Heading(int level, String text, String bookmark) {
    }

    public WordDocument(EvidenceContext context, String title, String runningHeader) {
        this.context = context;
        this.title = title;
        try {
            doc.createStyles().setStyles(StylesDocument.Factory.parse(WordStyles.XML).getStyles());
        } catch (org.apache.xmlbeans.XmlException e) {
            throw new IllegalStateException("the built-in styles do not parse", e);
        }
        pageSetup(runningHeader);
    }

    private void pageSetup(String runningHeader) {
        CTSectPr sect = doc.getDocument().getBody().isSetSectPr() ? doc.getDocument().getBody().getSectPr()
                : doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
        size.setW(BigInteger.valueOf(11906));
        size.setH(BigInteger.valueOf(16838));
        size.setOrient(STPageOrientation.PORTRAIT);
        CTPageMar mar = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
        mar.setTop(BigInteger.valueOf(1304));
        mar.setBottom(BigInteger.valueOf(1304));
        mar.setLeft(BigInteger.valueOf(1134));
        mar.setRight(BigInteger.valueOf(1134));
        mar.setHeader(BigInteger.valueOf(567));
        mar.setFooter(BigInteger.valueOf(567));
        mar.setGutter(BigInteger.ZERO);
        // The cover page has its own (empty) header and footer.
        sect.addNewTitlePg();
        doc.createHeader(HeaderFooterType.FIRST).createParagraph();
        doc.createFooter(HeaderFooterType.FIRST).createParagraph();
        XWPFHeader header = doc.createHeader(HeaderFooterType.DEFAULT);
        XWPFParagraph hp = header.createParagraph();
        hp.setStyle("Header");
        hp.createRun().setText(runningHeader);
        XWPFFooter footer = doc.createFooter(HeaderFooterType.DEFAULT);
        XWPFParagraph fp = footer.createParagraph();
        fp.setStyle("Footer");
        fp.createRun().setText(context.toolVersion() + ", generated " + context.generatedAt());
        fp.createRun().addTab();
        fp.createRun().setText("Page ");
        field(fp.getCTP(), "PAGE", "1");
        fp.createRun().setText(" of ");
        field(fp.getCTP(), "NUMPAGES", "1");
    }

    public void title(String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setStyle("Title");
        p.createRun().setText(text);
    }

    public void subtitle(String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setStyle("Subtitle");
        p.createRun().setText(text);
    }

    /** The contents list goes here; its entries are written when the document is finished. */
    public void contents() {
        XWPFParagraph h = doc.createParagraph();
        h.setStyle("TOCHeading");
        h.setPageBreak(true);
        h.createRun().setText("Contents");
        contentsAnchor = doc.createParagraph();
    }

    /** Headings after this are lettered A, B, ... as appendices. */
    public void startAppendices() {
        appendix = true;
        numbers = new int[2];
    }

    public void heading(int level, String text) {
        if (level < 1 || level > 2) {
            throw new IllegalArgumentException("heading level " + level);
        }
        numbers[level - 1]++;
        if (level == 1) {
            numbers[1] = 0;
        }
        String first = appendix ? String.valueOf((char) ('A' + numbers[0] - 1)) : String.valueOf(numbers[0]);
        String number = level == 1 ? (appendix ? "Appendix " + first : first) : first + "." + numbers[1];
        String full = number + "  " + text;
        String bookmark = "_Toc" + (headings.size() + 1);
        XWPFParagraph p = doc.createParagraph();
        p.setStyle("Heading" + level);
        CTBookmark start = p.getCTP().addNewBookmarkStart();
        start.setName(bookmark);
        start.setId(BigInteger.valueOf(headings.size() + 1));
        p.createRun().setText(full);
        p.getCTP().addNewBookmarkEnd().setId(BigInteger.valueOf(headings.size() + 1));
        headings.add(new Heading(level, full, bookmark));
    }

    public void paragraph(String text) {
        XWPFParagraph p = doc.createParagraph();
        p.createRun().setText(text);
    }

    /** A paragraph whose label is bold: "Commit: 0123...". */
    public void labelled(String label, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setSpacingAfter(40);
        XWPFRun l = p.createRun();
        l.setBold(true);
        l.setText(label + ": ");
        p.createRun().setText(text);
    }

    /** A statement that must not be missed, such as figures with warnings. */
    public void warning(String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setStyle("Warning");
        p.createRun().setText(text);
    }

    public void caption(String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setStyle("Caption");
        p.createRun().setText(text);
    }

    /**
     * A table with a repeated, shaded header row. {@code widths} are relative column widths; numeric columns are
     * right-aligned so that digits line up.
     */
    public XWPFTable table(String[] head, List<String[]> rows, int[] widths, boolean[] numeric) {
        return table(head, rows, widths, numeric, false);
    }

    /** A table whose last row is a total, set in bold. */
    public XWPFTable totalledTable(String[] head, List<String[]> rows, int[] widths, boolean[] numeric) {
        return table(head, rows, widths, numeric, true);
    }

    private XWPFTable table(String[] head, List<String[]> rows, int[] widths, boolean[] numeric, boolean totalRow) {
        XWPFTable t = doc.createTable(rows.size() + 1, head.length);
        t.setStyleID("TableGrid");
        CTTblPr pr = t.getCTTbl().getTblPr() == null ? t.getCTTbl().addNewTblPr() : t.getCTTbl().getTblPr();
        CTTblWidth w = pr.isSetTblW() ? pr.getTblW() : pr.addNewTblW();
        w.setType(STTblWidth.DXA);
        w.setW(BigInteger.valueOf(TEXT_WIDTH));
        CTTblLayoutType layout = pr.isSetTblLayout() ? pr.getTblLayout() : pr.addNewTblLayout();
        layout.setType(STTblLayoutType.FIXED);
        int total = 0;
        for (int x : widths) {
            total += x;
        }
        int[] twips = new int[head.length];
        for (int c = 0; c < head.length; c++) {
            twips[c] = TEXT_WIDTH * widths[c] / total;
        }
        CTTblGrid grid = t.getCTTbl().getTblGrid() == null ? t.getCTTbl().addNewTblGrid() : t.getCTTbl().getTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        for (int c = 0; c < head.length; c++) {
            grid.addNewGridCol().setW(BigInteger.valueOf(twips[c]));
        }
        XWPFTableRow hr = t.getRow(0);
        hr.setRepeatHeader(true);
        hr.setCantSplitRow(true);
        for (int c = 0; c < head.length; c++) {
            XWPFTableCell cell = hr.getCell(c);
            fillCell(cell, head[c], twips[c], numeric[c], true);
            CTTcPr tc = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
            CTShd shd = tc.addNewShd();
            shd.setVal(STShd.CLEAR);
            shd.setColor("auto");
            shd.setFill(HEADER_FILL);
        }
        for (int r = 0; r < rows.size(); r++) {
            XWPFTableRow row = t.getRow(r + 1);
            row.setCantSplitRow(true);
            String[] values = rows.get(r);
            for (int c = 0; c < head.length; c++) {
                fillCell(row.getCell(c), c < values.length ? values[c] : "", twips[c], numeric[c],
                        totalRow && r == rows.size() - 1);
            }
        }
        // a little air between a table and what follows
        doc.createParagraph().setSpacingAfter(0);
        return t;
    }

    private static void fillCell(XWPFTableCell cell, String text, int twips, boolean numeric, boolean bold) {
        CTTcPr tc = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
        CTTblWidth w = tc.isSetTcW() ? tc.getTcW() : tc.addNewTcW();
        w.setType(STTblWidth.DXA);
        w.setW(BigInteger.valueOf(twips));
        XWPFParagraph p = cell.getParagraphs().get(0);
        p.setStyle("TableText");
        if (numeric) {
            p.setAlignment(ParagraphAlignment.RIGHT);
        }
        XWPFRun run = p.createRun();
        run.setBold(bold);
        run.setText(text);
    }

    /** A PNG figure {@code widthCm} wide keeping the image's aspect ratio, with a caption below. */
    public void figure(byte[] png, int pixelWidth, int pixelHeight, double widthCm, String caption) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        p.setKeepNext(true);
        double heightCm = widthCm * pixelHeight / pixelWidth;
        try {
            pictures++;
            p.createRun().addPicture(new ByteArrayInputStream(png), Document.PICTURE_TYPE_PNG,
                    "figure" + pictures + ".png", (int) Math.round(widthCm * Units.EMU_PER_CENTIMETER),
                    (int) Math.round(heightCm * Units.EMU_PER_CENTIMETER));
        } catch (IOException | org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IllegalStateException("cannot embed a PNG made in memory", e);
        }
        caption(caption);
    }

    /** Signature lines for the people who prepare, review and approve the document. */
    public void signatures(String... roles) {
        List<String[]> rows = new ArrayList<>();
        for (String role : roles) {
            rows.add(new String[] {role, "", "", ""});
        }
        XWPFTable t = table(new String[] {"Role", "Name", "Signature", "Date"}, rows, new int[] {3, 4, 4, 2},
                new boolean[4]);
        for (int r = 1; r < t.getNumberOfRows(); r++) {
            t.getRow(r).setHeight(560);
            t.getRow(r).setHeightRule(TableRowHeightRule.AT_LEAST);
        }
    }

    /** The document's bytes: the contents list filled in, properties and ZIP times set to the stated time. */
    public byte[] toBytes() {
        writeContents();
        DocumentProperties.stamp(doc.getProperties(), context, title);
        // Word then offers to refresh the contents' page numbers; LibreOffice computes PAGEREF itself.
        doc.enforceUpdateFields();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            doc.write(out);
            doc.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the document", e);
        }
        return FixedTimeZip.restamp(out.toByteArray(), context.generatedAt());
    }

    private void writeContents() {
        if (contentsAnchor == null) {
            return;
        }
        for (int i = 0; i < headings.size(); i++) {
            Heading h = headings.get(i);
            XmlCursor cursor = contentsAnchor.getCTP().newCursor();
            XWPFParagraph p = doc.insertNewParagraph(cursor);
            cursor.dispose();
            p.setStyle("TOC" + h.level());
            CTP ctp = p.getCTP();
            // the entry links to its heading, as Word's own \h contents do
            var link = ctp.addNewHyperlink();
            link.setAnchor(h.bookmark());
            CTR text = link.addNewR();
            text.addNewT().setStringValue(h.text());
            CTR tab = link.addNewR();
            tab.addNewTab();
            fieldIn(link.addNewR(), link.addNewR(), link.addNewR(), link.addNewR(), link.addNewR(),
                    "PAGEREF " + h.bookmark() + " \\h", "");
        }
    }

    /** A complete field (begin, instruction, separate, cached result, end) in five given runs. */
    private static void fieldIn(CTR begin, CTR instr, CTR separate, CTR result, CTR end, String instruction,
            String cached) {
        begin.addNewFldChar().setFldCharType(STFldCharType.BEGIN);
        CTText t = instr.addNewInstrText();
        t.setStringValue(" " + instruction + " ");
        t.setSpace(org.apache.xmlbeans.impl.xb.xmlschema.SpaceAttribute.Space.PRESERVE);
        separate.addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
        result.addNewT().setStringValue(cached);
        end.addNewFldChar().setFldCharType(STFldCharType.END);
    }

    private static void field(CTP p, String instruction, String cached) {
        fieldIn(p.addNewR(), p.addNewR(), p.addNewR(), p.addNewR(), p.addNewR(), instruction, cached);
    }
}
