package org.xenfusa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenfusa.trace.link.CodeLink;
import org.xenfusa.trace.link.LinkFileReader;
import org.xenfusa.trace.link.LinkSet;
import org.xenfusa.trace.link.ReviewState;
import org.xenfusa.web.SyntheticRepository;

/** The {@code fusa suggest-links} contract: a link file of drafts with score and reasons; bad input is exit 2. */
class SuggestLinksCommandTest {
    @TempDir Path tmp;

    private static final String REQS = """
            Timer
            =====

            `XenSwdgn~read_freq~1`

            Description:
            Xen shall expose the frequency of the system counter in CNTFRQ_EL0.

            Console
            -------

            `XenSwdgn~console~1`

            Description:
            Xen shall write console characters to the UART.
            """;

    private Path repo() throws Exception {
        try (SyntheticRepository repo = SyntheticRepository.create(Files.createDirectories(tmp.resolve("repo")))) {
            repo.commit("one", "RELEASE-1", Map.of("docs/fusa/reqs/timer.rst", REQS,
                    "xen/arch/arm/time.c", """
                            /* Read the system counter's frequency */
                            unsigned long counter_frequency(void)
                            {
                                return READ_SYSREG(CNTFRQ_EL0);
                            }
                            """,
                    "xen/drivers/char/uart.c", """
                            void uart_putc(char c)
                            {
                                write_console_char(c);
                            }
                            """,
                    "xen/arch/x86/time.c", """
                            unsigned long x86_frequency(void)
                            {
                                return read_cntfrq_el0(CNTFRQ_EL0);
                            }
                            """));
            return repo.dir();
        }
    }

    private int run(String... args) {
        return FusaCommandLine.run(args);
    }

    @Test
    void writesDraftLinksWithScoreAndReasonsForTheConfigurationsFunctions() throws Exception {
        Path dir = repo();
        Files.writeString(tmp.resolve("files.txt"), "xen/arch/arm/time.c\nxen/drivers/char/uart.c\n");
        Path out = tmp.resolve("suggested.yaml");
        int code;
        String stdout;
        try (CliCapture c = new CliCapture()) {
            code = run("suggest-links", "--repo", dir.toString(), "--ref", "RELEASE-1", "--config-files",
                    tmp.resolve("files.txt").toString(), "--top", "1", "--out", out.toString());
            stdout = c.out() + c.err();
        }
        assertThat(code).as(stdout).isZero();
        assertThat(stdout).contains("XenSwdgn~read_freq~1: counter_frequency (xen/arch/arm/time.c)")
                .contains("2 draft links for 2 requirements written to " + out);
        String yaml = Files.readString(out);
        assertThat(yaml).contains("function: \"counter_frequency\"").contains("state: draft").contains("score: ")
                .contains("- \"CNTFRQ_EL0 in body\"").contains("function: \"uart_putc\"")
                .doesNotContain("x86_frequency");
        LinkSet read = LinkFileReader.read(out.toString(), yaml.getBytes(StandardCharsets.UTF_8));
        assertThat(read.problems()).isEmpty();
        assertThat(read.code()).extracting(CodeLink::function).containsExactly("counter_frequency", "uart_putc");
        assertThat(read.code()).extracting(CodeLink::state).containsOnly(ReviewState.DRAFT);
    }

    @Test
    void oneRequirementByNameAndEveryFileWithoutAConfiguration() throws Exception {
        Path dir = repo();
        Path out = tmp.resolve("one.yaml");
        int code;
        try (CliCapture c = new CliCapture()) {
            code = run("suggest-links", "--repo", dir.toString(), "--ref", "RELEASE-1", "--requirement", "read_freq",
                    "--out", out.toString());
        }
        assertThat(code).isZero();
        LinkSet read = LinkFileReader.read(out.toString(), Files.readAllBytes(out));
        assertThat(read.code()).extracting(CodeLink::function).startsWith("counter_frequency")
                .contains("x86_frequency");
        assertThat(read.code()).extracting(l -> l.requirement().toString()).containsOnly("XenSwdgn~read_freq~1");
    }

    @Test
    void badInputIsExitTwoWithTheReason() throws Exception {
        Path dir = repo();
        String out = tmp.resolve("x.yaml").toString();
        assertBad("--top must be at least 1, not 0", "suggest-links", "--repo", dir.toString(), "--ref", "RELEASE-1",
                "--top", "0", "--out", out);
        assertBad("unknown requirement 'nope' (--requirement): not among the 2 requirements", "suggest-links",
                "--repo", dir.toString(), "--ref", "RELEASE-1", "--requirement", "nope", "--out", out);
        assertBad("unknown ref 'RELEASE-9'", "suggest-links", "--repo", dir.toString(), "--ref", "RELEASE-9",
                "--out", out);
        assertBad("repository (--repo) not found: " + tmp.resolve("none"), "suggest-links", "--repo",
                tmp.resolve("none").toString(), "--out", out);
        assertBad("compiled-file list (--config-files) not found", "suggest-links", "--repo", dir.toString(),
                "--config-files", tmp.resolve("none.txt").toString(), "--out", out);
        assertBad("Missing required option: '--out=FILE'", "suggest-links", "--repo", dir.toString());
        assertThat(Files.exists(tmp.resolve("x.yaml"))).isFalse();
    }

    private void assertBad(String message, String... args) {
        try (CliCapture c = new CliCapture()) {
            int code = run(args);
            assertThat(code).as(c.err()).isEqualTo(FusaCommandLine.BAD_INPUT);
            assertThat(c.err()).contains(message);
        }
    }
}
