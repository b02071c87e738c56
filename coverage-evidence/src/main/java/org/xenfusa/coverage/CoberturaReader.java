package org.xenfusa.coverage;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.xenfusa.sloc.xml.SafeXml;

/**
 * Cobertura XML ({@code gcovr --cobertura} and other tools), read with the JDK's StAX through the project's
 * {@link SafeXml} (no DTD is read, no external entity). A DOCTYPE refuses the file, except the plain one Cobertura
 * writers put there ({@code <!DOCTYPE coverage SYSTEM '...coverage-04.dtd'>}, no internal subset; gcovr 5 writes it),
 * which is not read either. {@code coverage/@version} names the tool ({@code gcovr 5.2}); {@code sources/source} are
 * the prefixes a class's {@code filename} is relative to (each is tried, then the name alone). A class's own
 * {@code lines/line} count ({@code hits}; {@code condition-coverage="50% (1/2)"}: 2 branches, 1 covered); a
 * {@code methods/method} is a function at its first line, called as often as that line ran.
 */
final class CoberturaReader {
    private static final Pattern CONDITION = Pattern.compile("\\((\\d+)\\s*/\\s*(\\d+)\\)");
    private static final Pattern COBERTURA_DOCTYPE = Pattern.compile(
            "<!DOCTYPE\\s+coverage\\s+SYSTEM\\s+(['\"])[^'\"\\[\\]]*coverage-\\d+\\.dtd\\1\\s*>");

    private CoberturaReader() {
    }

    static CoverageImporter.Parsed read(String name, InputStream in) throws CoverageImporter.Refused {
        XMLStreamReader x = null;
        long line = 1;
        try {
            x = SafeXml.inputFactory().createXMLStreamReader(name, in);
            boolean root = false;
            String tool = "cobertura";
            String version = "";
            List<String> sources = new ArrayList<>();
            StringBuilder text = null;
            List<RawFile> files = new ArrayList<>();
            RawFile cls = null;
            int methodsDepth = 0;
            String method = null;
            boolean methodHasLine = false;
            boolean gcovr = false;
            while (x.hasNext()) {
                int e = x.next();
                line = x.getLocation().getLineNumber();
                if (e == XMLStreamConstants.DTD) {
                    if (!COBERTURA_DOCTYPE.matcher(x.getText().strip()).matches()) {
                        throw new CoverageImporter.Refused(line, "DOCTYPE declarations (and so external entities) are"
                                + " not accepted in coverage data, except Cobertura's own"
                                + " <!DOCTYPE coverage SYSTEM '...coverage-04.dtd'>");
                    }
                } else if (e == XMLStreamConstants.START_ELEMENT) {
                    String el = x.getLocalName();
                    if (!root) {
                        if (!el.equals("coverage")) {
                            throw new CoverageImporter.Refused(line, "not coverage data: XML whose root is <" + el
                                    + ">, not Cobertura's <coverage>");
                        }
                        root = true;
                        String v = x.getAttributeValue(null, "version");
                        if (v != null && !v.isBlank()) {
                            String[] parts = v.strip().split("\\s+", 2);
                            if (parts.length == 2 && parts[0].matches("[A-Za-z][\\w.-]*")) {
                                tool = parts[0];
                                version = parts[1];
                            } else {
                                version = v.strip();
                            }
                            gcovr = tool.equalsIgnoreCase("gcovr");
                        }
                        continue;
                    }
                    switch (el) {
                        case "source" -> text = new StringBuilder();
                        case "class" -> {
                            String file = x.getAttributeValue(null, "filename");
                            if (file == null || file.isBlank()) {
                                throw new CoverageImporter.Refused(line, "a <class> without filename");
                            }
                            cls = new RawFile(candidates(sources, file.strip()), line, gcovr ? RawFile.Rules.GCOVR
                                    : RawFile.Rules.AS_GIVEN);
                        }
                        case "methods" -> methodsDepth++;
                        case "method" -> {
                            method = x.getAttributeValue(null, "name");
                            methodHasLine = false;
                        }
                        case "line" -> {
                            if (cls == null) {
                                throw new CoverageImporter.Refused(line, "a <line> outside a <class>");
                            }
                            int number = lineNumber(x.getAttributeValue(null, "number"), line);
                            long hits = hits(x.getAttributeValue(null, "hits"), line);
                            if (methodsDepth > 0) {
                                if (method != null && !methodHasLine) {
                                    cls.functions.add(new FunctionRecord(method, number, 0, hits));
                                    methodHasLine = true;
                                }
                            } else {
                                RawFile.Line l = cls.line(number, hits, line);
                                String cc = x.getAttributeValue(null, "condition-coverage");
                                if (cc != null && "true".equalsIgnoreCase(x.getAttributeValue(null, "branch"))) {
                                    Matcher m = CONDITION.matcher(cc);
                                    if (!m.find()) {
                                        throw new CoverageImporter.Refused(line, "condition-coverage '" + cc
                                                + "' is not like '50% (1/2)'");
                                    }
                                    int covered = Integer.parseInt(m.group(1));
                                    int total = Integer.parseInt(m.group(2));
                                    if (covered > total) {
                                        throw new CoverageImporter.Refused(line, "condition-coverage '" + cc
                                                + "' covers more than there are");
                                    }
                                    l.branches = new long[total];
                                    for (int i = 0; i < covered; i++) {
                                        l.branches[i] = 1;
                                    }
                                }
                            }
                        }
                        default -> {
                        }
                    }
                } else if (e == XMLStreamConstants.CHARACTERS && text != null) {
                    text.append(x.getText());
                } else if (e == XMLStreamConstants.END_ELEMENT) {
                    switch (x.getLocalName()) {
                        case "source" -> {
                            if (text != null && !text.toString().isBlank()) {
                                sources.add(text.toString().strip());
                            }
                            text = null;
                        }
                        case "class" -> {
                            files.add(cls);
                            cls = null;
                        }
                        case "methods" -> methodsDepth--;
                        case "method" -> method = null;
                        default -> {
                        }
                    }
                }
            }
            if (!root) {
                throw new CoverageImporter.Refused(1, "not coverage data: XML without a root element");
            }
            return new CoverageImporter.Parsed("cobertura", tool, version, files);
        } catch (XMLStreamException e) {
            long at = e.getLocation() == null ? line : Math.max(e.getLocation().getLineNumber(), 0);
            String msg = e.getMessage() == null ? "" : e.getMessage()
                    .replaceFirst("^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message: ", "");
            throw new CoverageImporter.Refused(at, "malformed or truncated XML: " + msg);
        } finally {
            if (x != null) {
                try {
                    x.close();
                } catch (XMLStreamException ignored) {
                    // the stream is the caller's; nothing else to release
                }
            }
        }
    }

    /** The paths a class's file name may stand for: under each source, then as given. */
    private static List<String> candidates(List<String> sources, String file) {
        String f = file.replace('\\', '/');
        if (CoverageImporter.isAbsolute(f)) {
            return List.of(f);
        }
        List<String> out = new ArrayList<>();
        for (String s : sources) {
            String j = CoverageImporter.normalize(s.replace('\\', '/') + "/" + f);
            if (!out.contains(j)) {
                out.add(j);
            }
        }
        String n = CoverageImporter.normalize(f);
        if (!out.contains(n)) {
            out.add(n);
        }
        return out;
    }

    private static int lineNumber(String s, long at) throws CoverageImporter.Refused {
        try {
            int v = Integer.parseInt(s == null ? "" : s.strip());
            if (v < 1) {
                throw new CoverageImporter.Refused(at, "line number " + v + " is below 1");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new CoverageImporter.Refused(at, "<line number=\"" + s + "\"> is not a line number");
        }
    }

    private static long hits(String s, long at) throws CoverageImporter.Refused {
        try {
            String t = s == null ? "" : s.strip();
            long v = t.contains(".") ? (long) Double.parseDouble(t) : Long.parseLong(t);
            return Math.max(0, v);
        } catch (NumberFormatException e) {
            throw new CoverageImporter.Refused(at, "<line hits=\"" + s + "\"> is not a count");
        }
    }
}
