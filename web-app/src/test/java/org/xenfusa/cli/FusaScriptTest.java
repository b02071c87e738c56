package org.xenfusa.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code fusa} script at the repository root rebuilds the jar only when sources changed: files under a
 * module's {@code src/} and {@code pom.xml} files, never build output such as test reports under {@code target/}.
 * Runs the real script in a copy of the layout, with {@code mvn} and {@code java} replaced by recorders.
 */
class FusaScriptTest {
    private static final Path SCRIPT = Path.of("..", "fusa");
    private static final FileTime JAR_TIME = FileTime.from(Instant.parse("2026-01-01T12:00:00Z"));

    @TempDir Path tmp;
    Path root;
    Path bin;

    @BeforeEach
    void layout() throws IOException {
        assumeTrue(Files.isRegularFile(SCRIPT), "the fusa script is not at " + SCRIPT.toAbsolutePath()
                + " (the test runs in web-app/)");
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "bash is not installed at /bin/bash");
        root = Files.createDirectories(tmp.resolve("platform"));
        Files.copy(SCRIPT, root.resolve("fusa"));
        write("pom.xml", JAR_TIME.toInstant().minusSeconds(60));
        write("web-app/pom.xml", JAR_TIME.toInstant().minusSeconds(60));
        write("web-app/src/main/java/A.java", JAR_TIME.toInstant().minusSeconds(60));
        write("web-app/target/fusa.jar", JAR_TIME.toInstant());
        write("web-app/target/fusa-run/fusa.jar", JAR_TIME.toInstant().plusSeconds(1));
        bin = Files.createDirectories(tmp.resolve("bin"));
        executable("mvn", "#!/bin/sh\necho built >> \"" + tmp.resolve("mvn-calls") + "\"\n");
        executable("java", "#!/bin/sh\nexit 0\n");
    }

    private void write(String path, Instant time) throws IOException {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, path + "\n");
        Files.setLastModifiedTime(p, FileTime.from(time));
    }

    private void executable(String name, String text) throws IOException {
        Path p = bin.resolve(name);
        Files.writeString(p, text);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** Runs {@code ./fusa sloc} and says whether it ran mvn. */
    private boolean rebuilt() throws Exception {
        Files.deleteIfExists(tmp.resolve("mvn-calls"));
        runSloc();
        return Files.exists(tmp.resolve("mvn-calls"));
    }

    /** Runs {@code ./fusa sloc}, which must exit 0; returns what it printed. */
    private String runSloc() throws Exception {
        return run(Map.of(), "sloc", "--repo", ".");
    }

    /** Runs {@code ./fusa ARGS} with more environment variables, which must exit 0; returns what it printed. */
    private String run(Map<String, String> env, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("/bin/bash", root.resolve("fusa").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("PATH", bin + ":/usr/bin:/bin");
        pb.environment().putAll(env);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the script finished").isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        return output;
    }

    /**
     * A {@code java} that records each call's arguments (one line a call), extracts a jar as an empty layout and,
     * for the training run, writes the archive named by {@code -XX:ArchiveClassesAtExit}, or fails when
     * {@code failTraining}.
     */
    private Path recordingJava(boolean failTraining) throws IOException {
        Path calls = tmp.resolve("java-calls");
        executable("java", "#!/bin/sh\necho \"$*\" >> \"" + calls + "\"\n"
                + "a=\"$*\"\n"
                + "case \"$a\" in *\"extract --destination \"*)\n"
                + "  d=${a##*--destination }; mkdir -p \"$d\"; echo jar > \"$d/fusa.jar\" ;;\n"
                + "*ArchiveClassesAtExit=*)\n"
                + (failTraining ? "  exit 1 ;;\n"
                        : "  f=$(echo \"$*\" | sed -n 's/.*-XX:ArchiveClassesAtExit=\\([^ ]*\\).*/\\1/p')\n"
                                + "  echo archive > \"$f\" ;;\n")
                + "esac\nexit 0\n");
        return calls;
    }

    /** Temporary archives left in the run layout. */
    private List<Path> leftovers() throws IOException {
        try (var files = Files.list(root.resolve("web-app/target/fusa-run"))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }

    @Test
    void theClassDataArchiveIsMadeOnceAndThenUsedByEveryCommand() throws Exception {
        Path calls = recordingJava(false);
        runSloc();
        List<String> first = lines(calls);
        assertThat(first).hasSize(3);
        assertThat(first.get(0)).contains("org.xenfusa.cli.StartupArchive unsign web-app/target/fusa-run/lib");
        assertThat(first.get(1)).containsPattern("-XX:ArchiveClassesAtExit=web-app/target/fusa-run/fusa\\.jsa\\.\\d+\\.tmp")
                .contains(
                "org.xenfusa.cli.StartupArchive train");
        assertThat(first.get(2)).contains("-XX:SharedArchiveFile=web-app/target/fusa-run/fusa.jsa",
                "-Xlog:cds=off,cds+dynamic=off", "-jar web-app/target/fusa-run/fusa.jar sloc --repo .");
        assertThat(root.resolve("web-app/target/fusa-run/fusa.jsa")).exists();
        assertThat(leftovers()).isEmpty();

        Files.delete(calls);
        runSloc();
        assertThat(lines(calls)).as("the second run trains nothing").hasSize(1);
        assertThat(lines(calls).get(0)).contains("-XX:SharedArchiveFile=web-app/target/fusa-run/fusa.jsa", " sloc ");
    }

    @Test
    void theWebAppGetsA1GbHeapUnlessFusaJavaOptsSetsOneAndCommandsStartSmall() throws Exception {
        Path calls = recordingJava(false);
        run(Map.of(), "--server.port=8099");
        run(Map.of("FUSA_JAVA_OPTS", "-Xmx3g"), "serve");
        run(Map.of("FUSA_JAVA_OPTS", "-Dx=1 -XX:MaxRAMPercentage=50"));
        runSloc();
        List<String> started = lines(calls).stream().filter(l -> l.contains("-jar web-app/target/fusa-run/fusa.jar"))
                .toList();
        assertThat(started).hasSize(4);
        assertThat(started.get(0)).startsWith("-Xmx1g ").endsWith("fusa.jar --server.port=8099");
        assertThat(started.get(1)).doesNotContain("-Xmx1g").contains("-Xmx3g").endsWith("fusa.jar serve");
        assertThat(started.get(2)).doesNotContain("-Xmx1g").contains("-XX:MaxRAMPercentage=50");
        assertThat(started.get(3)).contains("-Xms32m").doesNotContain("-Xmx1g").endsWith("fusa.jar sloc --repo .");
    }

    @Test
    void aFailedTrainingLeavesNoArchiveAndTheCommandStillRuns() throws Exception {
        Path calls = recordingJava(true);
        String output = runSloc();
        assertThat(output).contains("no class-data-sharing archive, see web-app/target/fusa-run/cds-training.log");
        List<String> first = lines(calls);
        assertThat(first).hasSize(3);
        assertThat(first.get(2)).contains("-jar web-app/target/fusa-run/fusa.jar sloc").doesNotContain("SharedArchiveFile");
        assertThat(root.resolve("web-app/target/fusa-run/fusa.jsa")).doesNotExist();
        assertThat(leftovers()).isEmpty();

        Files.delete(calls);
        runSloc();
        assertThat(lines(calls)).as("a failed training is not retried on every command").hasSize(1);
    }

    @Test
    void aNewJarIsExtractedAgainAndGetsANewArchive() throws Exception {
        Path calls = recordingJava(false);
        runSloc();
        write("web-app/target/fusa.jar", JAR_TIME.toInstant().plusSeconds(3600));
        write("pom.xml", JAR_TIME.toInstant());
        write("web-app/pom.xml", JAR_TIME.toInstant());
        write("web-app/src/main/java/A.java", JAR_TIME.toInstant());
        Files.delete(calls);
        runSloc();
        List<String> second = lines(calls);
        assertThat(second).hasSize(4);
        assertThat(second.get(0)).contains("-Djarmode=tools", "extract");
        assertThat(second.get(2)).contains("StartupArchive train");
    }

    @Test
    void testReportsAndOtherBuildOutputDoNotTriggerABuild() throws Exception {
        Instant later = JAR_TIME.toInstant().plusSeconds(3600);
        write("web-app/target/surefire-reports/org.xenfusa.cli.FusaCommandLineTest.txt", later);
        write("sloc-estimator/target/classes/notes.properties", later);
        write("data/pg/postgresql.conf", later);
        write("README.md", later);
        assertThat(rebuilt()).isFalse();
    }

    @Test
    void aChangedSourceOrPomTriggersABuild() throws Exception {
        Instant later = JAR_TIME.toInstant().plusSeconds(3600);
        write("sloc-estimator/src/main/resources/org/xenfusa/sloc/kconfig/toolchains/x.profile", later);
        assertThat(rebuilt()).isTrue();
        write("sloc-estimator/src/main/resources/org/xenfusa/sloc/kconfig/toolchains/x.profile",
                JAR_TIME.toInstant().minusSeconds(1));
        write("web-app/pom.xml", later);
        assertThat(rebuilt()).isTrue();
    }
}
