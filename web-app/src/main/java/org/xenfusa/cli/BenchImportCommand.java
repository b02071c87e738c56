package org.xenfusa.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

import com.sun.tools.attach.VirtualMachine;

import org.xenfusa.cli.FusaCommandLine.BadInputException;
import org.xenfusa.exports.synthetic.SyntheticRequirementSheet;
import org.xenfusa.trace.evidence.JUnitXmlReader;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fusa bench import}: what a user's upload costs the server. A JUnit XML file the size of the one in issue 16
 * (766,870 cases, about 49 MB) read here as a stream (time and peak heap); with {@code --server}, requirement
 * spreadsheets of 4,000, 16,000 and 100,000 rows (and that JUnit file, with {@code --configuration}) uploaded to a
 * running platform as its users do, timed; when {@code --pid} names the platform's process, with the server's peak
 * heap used (its memory pools, read over JMX) and peak resident memory during each upload, the page it leads to not
 * included. Prints figures, never fails.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Time importing requirement spreadsheets and a large JUnit XML file (rows/s, peak memory).")
final class BenchImportCommand implements Callable<Integer> {

    @Option(names = "--rows", split = ",", defaultValue = "4000,16000,100000",
            description = "Spreadsheet sizes in requirement rows (default: ${DEFAULT-VALUE}).")
    List<Integer> rows;

    @Option(names = "--junit-cases", defaultValue = "766870",
            description = "Test cases of the generated JUnit XML file; 0 skips it (default: ${DEFAULT-VALUE}).")
    int junitCases;

    @Option(names = "--server", description = "A running platform to upload to, e.g. http://localhost:8080.")
    String server;

    @Option(names = "--user", description = "An ADMIN or ENGINEER account of that platform.")
    String user;

    @Option(names = "--password", description = "The password (default: the FUSA_PASSWORD environment variable).")
    String password;

    @Option(names = "--snapshot", description = "The snapshot whose trace page takes the uploads.")
    Long snapshot;

    @Option(names = "--configuration", description = "A configuration of that repository for the JUnit upload.")
    Long configuration;

    @Option(names = "--pid", description = "The platform's process id (Linux, same user): its peak heap used and"
            + " peak resident memory during each upload are reported.")
    Long pid;

    /** The platform's heap pools, over JMX (attached with {@code --pid}); empty when it could not be attached. */
    private List<MemoryPoolMXBean> serverHeap = List.of();

    private PlatformWebSession web;

    @Override
    public Integer call() throws Exception {
        if (rows.stream().anyMatch(r -> r < 1) || junitCases < 0) {
            throw new BadInputException("--rows must be positive and --junit-cases at least 0");
        }
        if (server != null && (user == null || snapshot == null)) {
            throw new BadInputException("with --server give --user and --snapshot (a snapshot id of its trace pages)");
        }
        Path work = Files.createTempDirectory("fusa-bench-import");
        try {
            Path junit = work.resolve("results.xml");
            if (junitCases > 0) {
                writeJUnit(junit, junitCases);
                readJUnit(junit);
            }
            if (server != null) {
                web = PlatformWebSession.login(server, user, PlatformWebSession.password(password));
                attach();
                byte[] warmUp = SyntheticRequirementSheet.of(1_000, "warmup_" + UUID.randomUUID().toString().substring(0, 8));
                upload("/trace/" + snapshot + "/spreadsheet", List.of(), "warm-up.xlsx", warmUp,
                        "warm-up (not a figure) 1,000 rows", 1_000);
                for (int n : rows) {
                    byte[] sheet = SyntheticRequirementSheet.of(n, "bench" + n + "_" + UUID.randomUUID()
                            .toString().substring(0, 8));
                    upload("/trace/" + snapshot + "/spreadsheet", List.of(), "bench-" + n + ".xlsx", sheet,
                            "spreadsheet " + String.format("%,7d rows (%,d bytes)", n, sheet.length), n);
                }
                if (junitCases > 0 && configuration != null) {
                    upload("/trace/" + snapshot + "/junit", List.of("configuration", configuration.toString()),
                            "results.xml", Files.readAllBytes(junit), String.format("JUnit upload %,d cases", junitCases),
                            junitCases);
                }
            }
        } finally {
            try (var walk = Files.walk(work)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return FusaCommandLine.OK;
    }

    private void readJUnit(Path file) throws Exception {
        long size = Files.size(file);
        AtomicLong cases = new AtomicLong();
        Measured read = measure(() -> {
            try (InputStream in = Files.newInputStream(file)) {
                cases.set(JUnitXmlReader.stream("results.xml", in, c -> { }).cases());
            }
        });
        System.out.printf("JUnit XML %,d cases (%,d bytes) read as a stream: %6.2f s, %,9.0f cases/s,"
                + " peak heap <= %,d MB (max heap %,d MB)%n", cases.get(), size, read.seconds,
                cases.get() / read.seconds, read.peakBytes >> 20, Runtime.getRuntime().maxMemory() >> 20);
    }

    /** One multipart upload, timed; the page it leads to must say it imported. */
    private void upload(String path, List<String> fields, String fileName, byte[] content, String what,
            int expected) throws Exception {
        String token = web.csrf("/trace/" + snapshot);
        String boundary = "fusa-bench-" + UUID.randomUUID();
        List<byte[]> parts = new ArrayList<>();
        List<String> all = new ArrayList<>(fields);
        all.addAll(List.of("_csrf", token));
        for (int i = 0; i < all.size(); i += 2) {
            parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + all.get(i) + "\"\r\n\r\n"
                    + all.get(i + 1) + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        parts.add(content);
        parts.add(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        resetPeak();
        long t0 = System.nanoTime();
        HttpResponse<String> r = web.send(HttpRequest.newBuilder(web.uri(path))
                .timeout(Duration.ofMinutes(30))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(parts)).build(), HttpResponse.BodyHandlers.ofString());
        double s = (System.nanoTime() - t0) / 1e9;
        String peak = peakText(); // before the page it leads to (a trace page of every requirement) is shown
        String location = r.headers().firstValue("Location").orElse("");
        String shown = r.statusCode() == 302 && !location.isEmpty() ? web.get(location.startsWith("http")
                ? URI.create(location).getRawPath() : location).body() : r.body();
        Matcher m = Pattern.compile("Imported (\\d+)").matcher(shown);
        String outcome = m.find() ? "imported " + m.group(1) + (Integer.parseInt(m.group(1)) == expected ? ""
                : " of " + expected) : "HTTP " + r.statusCode() + ", no import shown";
        System.out.printf("%s: %6.2f s, %,9.0f rows/s, %s%s%n", what, s, expected / s, outcome, peak);
    }

    /** Connects to the platform's JMX (its local agent, started through the attach API). */
    private void attach() {
        if (pid == null) {
            return;
        }
        try {
            VirtualMachine vm = VirtualMachine.attach(pid.toString());
            String address;
            try {
                address = vm.startLocalManagementAgent();
            } finally {
                vm.detach();
            }
            MBeanServerConnection server = JMXConnectorFactory.connect(new JMXServiceURL(address))
                    .getMBeanServerConnection();
            serverHeap = ManagementFactory.getPlatformMXBeans(server, MemoryPoolMXBean.class).stream()
                    .filter(p -> p.getType() == MemoryType.HEAP).toList();
        } catch (Exception e) {
            System.err.println("cannot read the heap of process " + pid + ": " + e.getMessage());
        }
    }

    private void resetPeak() {
        serverHeap.forEach(MemoryPoolMXBean::resetPeakUsage);
        if (pid != null) {
            try {
                Files.writeString(Path.of("/proc", pid.toString(), "clear_refs"), "5"); // resets the peak RSS
            } catch (IOException e) {
                System.err.println("cannot reset the peak memory of process " + pid + ": " + e.getMessage());
            }
        }
    }

    private String peakText() {
        if (pid == null) {
            return "";
        }
        String heap = "";
        if (!serverHeap.isEmpty()) {
            // the pools peak at different moments: their sum is an upper bound
            long peak = serverHeap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            long max = serverHeap.stream().mapToLong(p -> p.getUsage().getMax()).filter(m -> m > 0).sum();
            heap = String.format(", server peak heap used <= %,d MB (max heap %,d MB)", peak >> 20, max >> 20);
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc", pid.toString(), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    long kb = Long.parseLong(line.replaceAll("\\D", ""));
                    return String.format("%s, server peak resident memory %,d MB", heap, kb >> 10);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return heap + ", server peak memory unknown (" + e.getMessage() + ")";
        }
        return heap;
    }


    /** A JUnit XML file like a large CI run's: suites of 1,000 cases, one in 500 failing, one in 700 skipped. */
    static void writeJUnit(Path file, int cases) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n");
            for (int i = 0; i < cases; i++) {
                if (i % 1000 == 0) {
                    if (i > 0) {
                        b.append("  </testsuite>\n");
                    }
                    b.append("  <testsuite name=\"xen.suite").append(i / 1000).append("\" tests=\"1000\">\n");
                }
                b.append("    <testcase classname=\"xen.arch.arm.suite").append(i / 1000).append("\" name=\"case_")
                        .append(i).append("_checks_the_thing\" time=\"0.").append(i % 1000).append("\">");
                if (i % 500 == 0) {
                    b.append("<failure message=\"expected 1 but was 2\">at line ").append(i).append("</failure>");
                } else if (i % 700 == 0) {
                    b.append("<skipped/>");
                }
                b.append("</testcase>\n");
                if (b.length() > 1 << 16) {
                    out.write(b.toString().getBytes(StandardCharsets.UTF_8));
                    b.setLength(0);
                }
            }
            b.append(cases > 0 ? "  </testsuite>\n" : "").append("</testsuites>\n");
            out.write(b.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    private record Measured(double seconds, long peakBytes) {
    }

    private interface Job {
        void run() throws Exception;
    }

    /** Time and peak heap of one run (the pools peak at different moments: their sum is an upper bound). */
    private static Measured measure(Job job) throws Exception {
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long t0 = System.nanoTime();
        job.run();
        double s = (System.nanoTime() - t0) / 1e9;
        return new Measured(s, heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum());
    }
}
