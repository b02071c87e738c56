package org.xenfusa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A gate file with an alias bomb or 5,000 nested levels is bad input with its line, not a stack trace. */
class GateFileLimitsCommandTest {
    @TempDir Path tmp;

    private static String aliasBomb() {
        StringBuilder y = new StringBuilder("l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i <= 8; i++) {
            y.append("l").append(i).append(": &l").append(i).append(" [");
            for (int j = 0; j < 9; j++) {
                y.append(j == 0 ? "" : ", ").append("*l").append(i - 1);
            }
            y.append("]\n");
        }
        return y.toString();
    }

    @Test
    void aliasBombAndDeepNestingAreExitTwoWithTheLine() throws Exception {
        Path input = tmp.resolve("evidence.json");
        Files.writeString(input, "{}");
        Path bomb = tmp.resolve("bomb.yaml");
        Files.writeString(bomb, aliasBomb());
        Path deep = tmp.resolve("deep.yaml");
        Files.writeString(deep, "all:\n  suspect-links-max: " + "[".repeat(5000) + "]".repeat(5000) + "\n");
        for (Path gates : new Path[] {bomb, deep}) {
            try (CliCapture c = new CliCapture()) {
                int code = FusaCommandLine.run(new String[] {"readiness", "--gates", gates.toString(), "--input",
                        input.toString()});
                assertThat(code).as(c.err()).isEqualTo(FusaCommandLine.BAD_INPUT);
                assertThat(c.err()).containsPattern(java.util.regex.Pattern.quote(gates.toString()) + ":\\d+: not accepted: ")
                        .doesNotContain("Exception").doesNotContain("\tat ");
            }
        }
    }
}
