package org.xenfusa.sloc.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ReleaseOrderTest {
    @Test
    void numbersCompareAsNumbers() {
        List<String> refs = new ArrayList<>(List.of("RELEASE-4.10.0", "RELEASE-4.2.0", "RELEASE-4.2.10", "RELEASE-4.2.2",
                "RELEASE-4.22.0", "RELEASE-4.1.0-rc1", "RELEASE-4.1.0", "main"));
        refs.sort(ReleaseOrder.INSTANCE);
        assertThat(refs).containsExactly("RELEASE-4.1.0", "RELEASE-4.1.0-rc1", "RELEASE-4.2.0", "RELEASE-4.2.2",
                "RELEASE-4.2.10", "RELEASE-4.10.0", "RELEASE-4.22.0", "main");
    }
}
