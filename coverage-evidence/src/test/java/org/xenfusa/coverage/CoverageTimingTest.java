package org.xenfusa.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The benchmark's inputs (of a few files here) import to the same figures in every format (no time is asserted). */
class CoverageTimingTest {
    @Test
    void everyFormatOfTheBenchmarkImportsTheWholeTree() {
        int files = 40;
        Map<String, byte[]> inputs = CoverageTiming.inputs(files);
        assertThat(inputs.keySet()).containsExactlyElementsOf(CoverageTiming.FORMATS);
        for (Map.Entry<String, byte[]> e : inputs.entrySet()) {
            CoverageTiming.Figures f = CoverageTiming.measure(e.getKey(), e.getValue(), 0, 1);
            assertThat(f.files()).as(e.getKey()).isEqualTo(files);
            assertThat(f.branches()).as(e.getKey()).isEqualTo(2L * files * CoverageTiming.LINES);
            // llvm-cov also maps the closing line its last region wraps into
            assertThat(f.lines()).as(e.getKey()).isEqualTo((long) files * (CoverageTiming.LINES
                    + (e.getKey().equals("llvm-cov-json") ? 1 : 0)));
            assertThat(f.seconds()).isPositive();
        }
    }
}
