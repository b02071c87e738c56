package org.xenfusa.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class-data-sharing archive of one-shot commands: the run layout's signed jars lose only their signature
 * files, and a stale archive, used with the {@code fusa} script's logging options, prints nothing (a real JVM).
 */
class StartupArchiveTest {
    @TempDir Path tmp;

    private static Path jar(Path file, String... entries) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(file), manifest)) {
            for (String entry : entries) {
                out.putNextEntry(new JarEntry(entry));
                out.write(entry.getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return file;
    }

    private static List<String> entries(Path jar) throws IOException {
        try (JarFile f = new JarFile(jar.toFile())) {
            List<String> names = new ArrayList<>(Collections.list(f.entries()).stream().map(JarEntry::getName).toList());
            Collections.sort(names);
            return names;
        }
    }

    @Test
    void unsignRemovesOnlyTheSignatureFilesOfSignedJars() throws IOException {
        Path signed = jar(tmp.resolve("signed.jar"), "META-INF/ECLIPSE_.SF", "META-INF/ECLIPSE_.RSA",
                "META-INF/OTHER.DSA", "META-INF/KEY.EC", "META-INF/NOTICE", "META-INF/maven/x/pom.properties",
                "org/x/A.class");
        Path plain = jar(tmp.resolve("plain.jar"), "META-INF/LICENSE", "org/y/B.class");
        byte[] plainBefore = Files.readAllBytes(plain);

        assertThat(StartupArchive.unsign(tmp)).containsExactly(signed);

        assertThat(entries(signed)).containsExactly("META-INF/MANIFEST.MF", "META-INF/NOTICE",
                "META-INF/maven/x/pom.properties", "org/x/A.class");
        assertThat(Files.readAllBytes(plain)).as("an unsigned jar is not rewritten").isEqualTo(plainBefore);
        assertThat(StartupArchive.unsign(tmp)).as("a second run changes nothing").isEmpty();
    }

    @Test
    void theTrainingRunPrintsNothingAndRestoresTheStreams() throws Exception {
        java.io.PrintStream out = System.out;
        java.io.PrintStream err = System.err;
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        java.io.PrintStream capture = new java.io.PrintStream(printed, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        try {
            StartupArchive.train();
            assertThat(System.out).isSameAs(capture);
            assertThat(System.err).isSameAs(capture);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    /** The {@code cds_quiet=(...)} options of the fusa script. */
    private static List<String> scriptQuietOptions() throws IOException {
        Path script = Path.of("..", "fusa");
        assumeTrue(Files.isRegularFile(script), "the fusa script is not at " + script.toAbsolutePath());
        Matcher m = Pattern.compile("(?m)^cds_quiet=\\(([^)]*)\\)$").matcher(Files.readString(script));
        assertThat(m.find()).as("the script sets cds_quiet").isTrue();
        return Arrays.asList(m.group(1).trim().split("\\s+"));
    }

    private record Run(int exit, String out, String err) {
    }

    private Run java(List<String> options, Path jar) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.addAll(List.of("-cp", jar.toString(), CdsProbe.class.getName()));
        Process p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    @Test
    void aStaleArchiveUsedWithTheScriptsOptionsPrintsNothingAndTheProgramRuns() throws Exception {
        List<String> quiet = scriptQuietOptions();
        Path classFile = Path.of(CdsProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve(CdsProbe.class.getName().replace('.', '/') + ".class");
        Path jar = tmp.resolve("probe.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.putNextEntry(new JarEntry(CdsProbe.class.getName().replace('.', '/') + ".class"));
            out.write(Files.readAllBytes(classFile));
            out.closeEntry();
        }
        Path archive = tmp.resolve("probe.jsa");
        Run training = java(List.of("-XX:ArchiveClassesAtExit=" + archive), jar);
        assumeTrue(training.exit() == 0 && Files.isRegularFile(archive), "this JVM made no archive: " + training);

        List<String> use = new ArrayList<>(List.of("-XX:SharedArchiveFile=" + archive));
        use.addAll(quiet);
        assertThat(java(use, jar)).isEqualTo(new Run(0, "probe\n", ""));

        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));
        Run loud = java(List.of("-XX:SharedArchiveFile=" + archive), jar);
        assertThat(loud.out()).as("the archive is stale: without the options the JVM warns on stdout")
                .contains("[warning][cds").endsWith("probe\n");
        assertThat(java(use, jar)).isEqualTo(new Run(0, "probe\n", ""));
    }
}
