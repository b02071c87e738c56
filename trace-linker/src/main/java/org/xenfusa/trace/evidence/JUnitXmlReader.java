package org.xenfusa.trace.evidence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;

import org.xenfusa.trace.spec.Location;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads JUnit XML result files ({@code <testsuites>}/{@code <testsuite>}/{@code <testcase>} with
 * {@code <failure>}, {@code <error>}, {@code <skipped>}). The parser refuses any DOCTYPE, so no
 * external entity, DTD or entity expansion is ever processed; a file that is not XML, or that
 * tries, fails with its file and line.
 */
public final class JUnitXmlReader {
    private static final long MAX_BYTES = 256L * 1024 * 1024;

    private JUnitXmlReader() {
    }

    public static TestResultFile read(String path, byte[] content) throws EvidenceFormatException {
        if (content.length > MAX_BYTES) {
            throw new EvidenceFormatException(new Location(path, 0), "result file of " + content.length
                    + " bytes is larger than the limit of " + MAX_BYTES + " bytes", null);
        }
        Handler handler = new Handler(path);
        try {
            SAXParser parser = factory().newSAXParser();
            InputSource source = new InputSource(new ByteArrayInputStream(content));
            source.setSystemId(path);
            parser.parse(source, handler);
        } catch (SAXParseException e) {
            String msg = e.getMessage() != null && e.getMessage().contains("DOCTYPE")
                    ? "DOCTYPE declarations (and so external entities) are not accepted in result files"
                    : "not a well-formed XML result file: " + e.getMessage();
            throw new EvidenceFormatException(new Location(path, Math.max(e.getLineNumber(), 0)), msg, e);
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new EvidenceFormatException(new Location(path, handler.line()), "cannot read result file: "
                    + e.getMessage(), e);
        }
        if (!handler.sawSuite) {
            throw new EvidenceFormatException(new Location(path, 1), "no <testsuite> or <testsuites> element: "
                    + "not a JUnit XML result file", null);
        }
        return new TestResultFile(path, sha256(content), handler.cases);
    }

    private static SAXParserFactory factory() throws EvidenceFormatException {
        try {
            SAXParserFactory f = SAXParserFactory.newInstance();
            f.setNamespaceAware(false);
            f.setValidating(false);
            f.setXIncludeAware(false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            return f;
        } catch (ParserConfigurationException | SAXException e) {
            throw new EvidenceFormatException(new Location("(parser)", 0), "cannot configure a secure XML parser", e);
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** Collects test cases; the outcome is the worst child element seen inside a case. */
    private static final class Handler extends DefaultHandler {
        private final String path;
        private final List<TestCaseResult> cases = new ArrayList<>();
        private Locator locator;
        private boolean sawSuite;
        private String className;
        private String name;
        private double seconds;
        private int caseLine;
        private TestOutcome outcome;

        Handler(String path) {
            this.path = path;
        }

        int line() {
            return locator == null ? 0 : locator.getLineNumber();
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes a) {
            switch (qName) {
                case "testsuite", "testsuites" -> sawSuite = true;
                case "testcase" -> {
                    className = value(a, "classname");
                    name = value(a, "name");
                    seconds = parseTime(value(a, "time"));
                    caseLine = line();
                    outcome = TestOutcome.PASSED;
                }
                case "failure" -> worsen(TestOutcome.FAILED);
                case "error" -> worsen(TestOutcome.ERROR);
                case "skipped" -> worsen(TestOutcome.SKIPPED);
                default -> { }
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            if (qName.equals("testcase") && outcome != null) {
                cases.add(new TestCaseResult(className, name, outcome, seconds, new Location(path, caseLine)));
                outcome = null;
            }
        }

        /** ERROR beats FAILED beats SKIPPED beats PASSED. */
        private void worsen(TestOutcome o) {
            if (outcome != null && rank(o) > rank(outcome)) {
                outcome = o;
            }
        }

        private static int rank(TestOutcome o) {
            return switch (o) {
                case PASSED -> 0;
                case SKIPPED -> 1;
                case FAILED -> 2;
                case ERROR -> 3;
            };
        }

        private static String value(Attributes a, String key) {
            String v = a.getValue(key);
            return v == null ? "" : v;
        }

        private static double parseTime(String t) {
            try {
                return t.isEmpty() ? 0 : Double.parseDouble(t.replace(",", ""));
            } catch (NumberFormatException e) {
                return 0;
            }
        }
    }
}
