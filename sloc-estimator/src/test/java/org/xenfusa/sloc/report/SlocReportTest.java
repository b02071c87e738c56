package org.xenfusa.sloc.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.xenfusa.sloc.count.CountedFile;
import org.xenfusa.sloc.count.FileCount;
import org.xenfusa.sloc.count.LanguageTotals;

class SlocReportTest {

    private static CountedFile c(String path, String blob, String lang, int blank, int comment, int code) {
        return new CountedFile(path, blob, 100, FileCount.counted(lang, blank, comment, code));
    }

    @Test
    void directoriesAreOneLevelBelowTheFolderAndOneMoreUnderArch() {
        assertThat(DirectoryGrouping.directoryOf("xen/common/sched/core.c", "xen/")).isEqualTo("xen/common");
        assertThat(DirectoryGrouping.directoryOf("xen/arch/arm/arm64/head.S", "xen/")).isEqualTo("xen/arch/arm");
        assertThat(DirectoryGrouping.directoryOf("xen/arch/x86/mm.c", "xen/")).isEqualTo("xen/arch/x86");
        assertThat(DirectoryGrouping.directoryOf("xen/Makefile", "xen/")).isEqualTo("xen");
        assertThat(DirectoryGrouping.directoryOf("xen/common/sched/core.c", "")).isEqualTo("xen/common");
        assertThat(DirectoryGrouping.directoryOf("xen/arch/arm/setup.c", "")).isEqualTo("xen/arch/arm");
        assertThat(DirectoryGrouping.directoryOf("README", "")).isEqualTo(".");
        assertThat(DirectoryGrouping.directoryOf("tools/libs/ctrl/a.c", "")).isEqualTo("tools/libs");
        assertThat(DirectoryGrouping.directoryOf("xen/common/sched/core.c", "xen/common/"))
                .isEqualTo("xen/common/sched");
        assertThat(DirectoryGrouping.directoryOf("xen/common/a.c", "xen/common/")).isEqualTo("xen/common");
    }

    @Test
    void reportSumsLikeClocAndShapesJsonLikeClocJson() {
        SlocReport r = SlocReport.of(Optional.of("abc"), "xen/", List.of(
                c("xen/common/a.c", "1", "C", 2, 3, 10),
                c("xen/common/b.c", "2", "C", 1, 0, 21),
                c("xen/arch/arm/head.S", "3", "Assembly", 0, 4, 30),
                c("xen/arch/x86/copy.c", "1", "C", 2, 3, 10),
                new CountedFile("xen/logo.png", "4", 100, FileCount.ignored("binary file"))));
        assertThat(r.sum()).isEqualTo(new LanguageTotals("SUM", 3, 3, 7, 61));
        // cloc orders languages by code lines, descending
        assertThat(r.languages()).containsExactly(new LanguageTotals("C", 2, 3, 3, 31),
                new LanguageTotals("Assembly", 1, 0, 4, 30));
        // the identical copy under arch/x86 sorts first, so cloc keeps common/a.c and drops the copy
        assertThat(r.directories()).containsExactly(new SlocRow("xen/arch/arm", 1, 0, 4, 30),
                new SlocRow("xen/common", 2, 3, 3, 31));
        assertThat(r.notCounted()).extracting(CountedFile::path).containsExactly("xen/logo.png");
        assertThat(r.cloc().duplicates()).extracting(d -> d.path()).containsExactly("xen/arch/x86/copy.c");
        Map<String, Object> json = r.toClocJson();
        assertThat(json.keySet()).containsExactly("commit", "path", "header", "C", "Assembly", "SUM");
        assertThat(json.get("SUM")).isEqualTo(Map.of("nFiles", 3, "blank", 3L, "comment", 7L, "code", 61L));
    }

    @Test
    void filesOverClocsSizeLimitAreIgnoredWithClocsReason() {
        assertThat(TreeCounter.tooLarge(150L * 1024 * 1024).ignoredReason())
                .isEqualTo("file size of 150 MB exceeds max file size of 100 MB");
        assertThat(TreeCounter.tooLarge(100L * 1024 * 1024 + 512 * 1024).ignoredReason())
                .isEqualTo("file size of 100.5 MB exceeds max file size of 100 MB");
    }
}
