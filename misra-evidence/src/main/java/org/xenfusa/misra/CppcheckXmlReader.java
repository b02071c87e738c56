package org.xenfusa.misra;

import java.io.ByteArrayInputStream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.xenfusa.sloc.xml.SafeXml;

/**
 * cppcheck's XML report version 2 ({@code <results version="2"><cppcheck version=".."/><errors><error id msg>
 * <location file line/>...}), read with the JDK's StAX: no DTD, no external entity (any DOCTYPE refuses the file). An
 * error's place is its first {@code <location>}.
 */
final class CppcheckXmlReader {
    private CppcheckXmlReader() {
    }

    private static XMLInputFactory factory() {
        return SafeXml.inputFactory();
    }

    static void read(String name, byte[] content, FindingsImporter.Collector out) throws FindingsImporter.Refused {
        XMLStreamReader x = null;
        int line = 1;
        try {
            x = factory().createXMLStreamReader(name, new ByteArrayInputStream(content));
            boolean root = false;
            String version = "";
            String id = null;
            String msg = null;
            int errorLine = 0;
            String file = null;
            int fileLine = 0;
            while (x.hasNext()) {
                int e = x.next();
                line = x.getLocation().getLineNumber();
                if (e == XMLStreamConstants.DTD) {
                    throw new FindingsImporter.Refused(line, "DOCTYPE declarations (and so external entities) are not"
                            + " accepted in analyser reports");
                }
                if (e == XMLStreamConstants.START_ELEMENT) {
                    String el = x.getLocalName();
                    if (!root) {
                        if (!el.equals("results") || !"2".equals(x.getAttributeValue(null, "version"))) {
                            throw new FindingsImporter.Refused(line, "not a cppcheck XML report version 2 (root <" + el
                                    + (el.equals("results") ? " version=\"" + x.getAttributeValue(null, "version")
                                            + "\"" : "") + ">)");
                        }
                        root = true;
                    } else if (el.equals("cppcheck")) {
                        version = nonNull(x.getAttributeValue(null, "version"));
                        out.tool("cppcheck", version);
                    } else if (el.equals("error")) {
                        id = nonNull(x.getAttributeValue(null, "id"));
                        msg = x.getAttributeValue(null, "msg");
                        if (msg == null) {
                            msg = nonNull(x.getAttributeValue(null, "verbose"));
                        }
                        errorLine = line;
                        file = null;
                        fileLine = 0;
                    } else if (el.equals("location") && id != null && file == null) {
                        file = x.getAttributeValue(null, "file");
                        fileLine = number(x.getAttributeValue(null, "line"));
                    }
                } else if (e == XMLStreamConstants.END_ELEMENT && x.getLocalName().equals("error") && id != null) {
                    out.add(errorLine, id, file, fileLine, msg, "cppcheck", version, false);
                    id = null;
                }
            }
            if (!root) {
                throw new FindingsImporter.Refused(1, "not a cppcheck XML report (no root element)");
            }
        } catch (XMLStreamException e) {
            int at = e.getLocation() == null ? line : Math.max(e.getLocation().getLineNumber(), 0);
            String msg = e.getMessage() == null ? "" : e.getMessage()
                    .replaceFirst("^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message: ", "");
            throw new FindingsImporter.Refused(at, "malformed XML: " + msg);
        } finally {
            if (x != null) {
                try {
                    x.close();
                } catch (XMLStreamException ignored) {
                    // a byte array holds nothing to release
                }
            }
        }
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    private static int number(String s) {
        try {
            return s == null ? 0 : Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
