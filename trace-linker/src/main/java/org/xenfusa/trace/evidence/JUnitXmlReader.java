package org.xenfusa.trace.evidence;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.xenfusa.sloc.xml.SafeXml;
import org.xenfusa.trace.spec.Location;

/**
 * Reads JUnit XML result files ({@code <testsuites>}/{@code <testsuite>}/{@code <testcase>} with
 * {@code <failure>}, {@code <error>}, {@code <skipped>}) as a stream (StAX): one case at a time is handed on, so a
 * file of any number of cases is read in bounded memory. Any DOCTYPE is refused, so no external entity, DTD or
 * entity expansion is ever processed; a file that is not XML, or that tries, fails with its file and line.
 */
// [impl->dsn~junit-results~1]
public final class JUnitXmlReader {
    private static final long MAX_BYTES = 256L * 1024 * 1024;
    private static final String DOCTYPE =
            "DOCTYPE declarations (and so external entities) are not accepted in result files";
    /** Distinct class names kept for sharing among cases; beyond that each case keeps its own string. */
    private static final int MAX_SHARED_NAMES = 10_000;

    private JUnitXmlReader() {
    }

    /** What a streamed file was: its path, the SHA-256 of all its bytes and the number of cases handed on. */
    public record Summary(String path, String sha256, long cases) {
    }

    /** Reads the whole file into a list (for small files and callers that need every case at once). */
    public static TestResultFile read(String path, byte[] content) throws EvidenceFormatException {
        if (content.length > MAX_BYTES) {
            throw tooLarge(path, content.length);
        }
        List<TestCaseResult> cases = new ArrayList<>();
        Summary s = stream(path, new ByteArrayInputStream(content), cases::add);
        return new TestResultFile(path, s.sha256(), cases);
    }

    /**
     * Reads {@code in} to its end, handing every case to {@code sink} in file order. The stream is not closed.
     *
     * @throws EvidenceFormatException naming the file and line when it is not a JUnit XML file, has a DOCTYPE or is
     *         larger than the limit; cases handed on before then are part of a refused file
     */
    public static Summary stream(String path, InputStream in, Consumer<TestCaseResult> sink)
            throws EvidenceFormatException {
        MessageDigest digest = sha256Digest();
        CountingStream counted = new CountingStream(new DigestInputStream(in, digest), path);
        XMLStreamReader xml = null;
        Cases cases = new Cases(path, sink);
        try {
            xml = factory().createXMLStreamReader(path, counted);
            cases.readAll(xml);
            counted.transferTo(java.io.OutputStream.nullOutputStream()); // what follows the root element is hashed too
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? cases.line : Math.max(e.getLocation().getLineNumber(), 0);
            String msg = e.getMessage() == null ? "" : e.getMessage()
                    .replaceFirst("^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message: ", "");
            if (counted.overLimit) {
                throw tooLarge(path, counted.count);
            }
            throw new EvidenceFormatException(new Location(path, line), msg.equals(DOCTYPE) ? msg
                    : "not a well-formed XML result file: " + msg, e);
        } catch (IOException e) {
            if (counted.overLimit) {
                throw tooLarge(path, counted.count);
            }
            throw new EvidenceFormatException(new Location(path, Math.max(cases.line, 0)), "cannot read result file: "
                    + e.getMessage(), e);
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // nothing held beyond the stream, which the caller closes
                }
            }
        }
        if (!cases.sawSuite) {
            throw new EvidenceFormatException(new Location(path, 1), "no <testsuite> or <testsuites> element: "
                    + "not a JUnit XML result file", null);
        }
        return new Summary(path, HexFormat.of().formatHex(digest.digest()), cases.count);
    }

    private static EvidenceFormatException tooLarge(String path, long bytes) {
        return new EvidenceFormatException(new Location(path, 0), "result file of " + bytes
                + " bytes is larger than the limit of " + MAX_BYTES + " bytes", null);
    }

    private static XMLInputFactory factory() {
        return SafeXml.inputFactory();
    }

    static String sha256(byte[] content) {
        return HexFormat.of().formatHex(sha256Digest().digest(content));
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** Walks the events; the outcome of a case is the worst child element seen inside it. */
    private static final class Cases {
        private final String path;
        private final Consumer<TestCaseResult> sink;
        private final Map<String, String> names = new HashMap<>();
        private boolean sawSuite;
        private long count;
        private int line;
        private String className;
        private String name;
        private double seconds;
        private int caseLine;
        private TestOutcome outcome;

        Cases(String path, Consumer<TestCaseResult> sink) {
            this.path = path;
            this.sink = sink;
        }

        void readAll(XMLStreamReader xml) throws XMLStreamException {
            while (xml.hasNext()) {
                int event = xml.next();
                line = xml.getLocation().getLineNumber();
                switch (event) {
                    case XMLStreamConstants.DTD -> throw new XMLStreamException(DOCTYPE, xml.getLocation());
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw new XMLStreamException(
                            "the entity '" + xml.getLocalName() + "' is not declared", xml.getLocation());
                    case XMLStreamConstants.START_ELEMENT -> start(xml);
                    case XMLStreamConstants.END_ELEMENT -> end(xml.getLocalName());
                    default -> { }
                }
            }
        }

        private void start(XMLStreamReader xml) {
            switch (xml.getLocalName()) {
                case "testsuite", "testsuites" -> sawSuite = true;
                case "testcase" -> {
                    className = shared(value(xml, "classname"));
                    name = value(xml, "name");
                    seconds = parseTime(value(xml, "time"));
                    caseLine = line;
                    outcome = TestOutcome.PASSED;
                }
                case "failure" -> worsen(TestOutcome.FAILED);
                case "error" -> worsen(TestOutcome.ERROR);
                case "skipped" -> worsen(TestOutcome.SKIPPED);
                default -> { }
            }
        }

        private void end(String element) {
            if (element.equals("testcase") && outcome != null) {
                sink.accept(new TestCaseResult(className, name, outcome, seconds, new Location(path, caseLine)));
                count++;
                outcome = null;
            }
        }

        /** Class names repeat over thousands of cases: one string each. */
        private String shared(String s) {
            String known = names.get(s);
            if (known != null) {
                return known;
            }
            if (names.size() < MAX_SHARED_NAMES) {
                names.put(s, s);
            }
            return s;
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

        private static String value(XMLStreamReader xml, String key) {
            String v = xml.getAttributeValue(null, key);
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

    /** Counts the bytes read and stops past the limit. */
    private static final class CountingStream extends FilterInputStream {
        private long count;
        private boolean overLimit;

        CountingStream(InputStream in, String path) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        /** The XML parser closes its input at the end of the document: the caller's stream stays open (and hashed). */
        @Override
        public void close() {
        }

        private void add(long n) throws IOException {
            count += n;
            if (count > MAX_BYTES) {
                overLimit = true;
                throw new IOException("more than " + MAX_BYTES + " bytes");
            }
        }
    }
}
