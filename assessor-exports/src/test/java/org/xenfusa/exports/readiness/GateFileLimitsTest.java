package org.xenfusa.exports.readiness;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** An alias bomb or thousands of nested levels in a gate file are an error at their line, not a crash. */
class GateFileLimitsTest {

    static String aliasBomb() {
        StringBuilder y = new StringBuilder("l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i <= 8; i++) {
            y.append("l").append(i).append(": &l").append(i).append(" [");
            for (int j = 0; j < 9; j++) {
                y.append(j == 0 ? "" : ", ").append("*l").append(i - 1);
            }
            y.append("]\n");
        }
        return y + "all:\n  suspect-links-max: 0\n";
    }

    static String deepFlow(int depth) {
        return "all:\n  suspect-links-max: " + "[".repeat(depth) + "]".repeat(depth) + "\n";
    }

    static String deepBlock(int depth) {
        StringBuilder y = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            y.append(" ".repeat(i)).append("k").append(i).append(":\n");
        }
        return y.toString();
    }

    @Test
    void anAliasBombIsAnErrorWithItsLine() {
        assertThatThrownBy(() -> GateFileParser.parse(aliasBomb(), "g.yml")).isInstanceOf(GateFileException.class)
                .hasMessageMatching("(?s)g\\.yml:[2-4]: not accepted: Number of aliases for non-scalar nodes exceeds.*");
    }

    @Test
    void fiveThousandNestedLevelsAreAnErrorWithTheirLine() {
        assertThatThrownBy(() -> GateFileParser.parse(deepFlow(5000), "g.yml")).isInstanceOf(GateFileException.class)
                .hasMessageStartingWith("g.yml:2: not accepted: Nesting Depth exceeded max 20");
        assertThatThrownBy(() -> GateFileParser.parse(deepBlock(5000), "g.yml")).isInstanceOf(GateFileException.class)
                .hasMessageMatching("(?s)g\\.yml:2[0-3]: not accepted: Nesting Depth exceeded max 20.*");
    }

    @Test
    void aFileBeyondTheSizeLimitIsAnError() {
        String huge = "# padding\n".repeat(120_000) + "all:\n  suspect-links-max: 0\n";
        assertThatThrownBy(() -> GateFileParser.parse(huge, "g.yml")).isInstanceOf(GateFileException.class)
                .hasMessageContaining("not accepted").hasMessageContaining("code points");
    }
}
