package org.xenfusa.sloc.count;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every language of the table, selected as cloc selects it (an extension, a file name, or a
 * {@code #!} interpreter), on one synthetic file that holds most comment syntaxes cloc knows. The
 * expected figures are what cloc 1.96 printed for exactly these files (resources {@code cloc/}).
 */
// [utest->dsn~cloc-file-counter~1] [utest->err~file-missed-or-misclassified~1]
class EveryClocLanguageTest {

    record Case(String fileName, String interpreter, String language, int blank, int comment, int code) {
        @Override
        public String toString() {
            return language + " (" + fileName + ")";
        }
    }

    static List<Case> cases() throws IOException {
        return read("cloc/every-language.csv").lines().filter(l -> !l.startsWith("#")).map(l -> l.split(",", -1))
                .map(p -> new Case(p[0], p[1], p[2], Integer.parseInt(p[3]), Integer.parseInt(p[4]),
                        Integer.parseInt(p[5])))
                .toList();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void countsAsCloc(Case c) throws IOException {
        String template = read("cloc/every-language-template.txt");
        String content = (c.interpreter().isEmpty() ? "" : "#!/usr/bin/env " + c.interpreter() + "\n") + template;
        assertThat(new ClocCounter().count(c.fileName(), content.getBytes(StandardCharsets.ISO_8859_1)))
                .isEqualTo(FileCount.counted(c.language(), c.blank(), c.comment(), c.code()));
    }

    @Test
    void everyLanguageOfTheTableIsCovered() throws IOException {
        Set<String> covered = cases().stream().map(Case::language).collect(Collectors.toSet());
        Set<String> missing = LanguageTable.all().stream().map(ClocLanguage::name).filter(n -> !covered.contains(n))
                .collect(Collectors.toCollection(TreeSet::new));
        // reachable only through an ambiguous extension's content heuristic, tested on their own
        assertThat(missing).containsExactlyInAnyOrder("Apex Class", "Brainfuck", "C#", "C# Generated", "Coq", "Julia", "MATLAB",
                "Mercury", "Objective-C", "OpenCL", "ProGuard", "Puppet", "Qt", "Qt Linguist", "Qt Project",
                "SaltStack", "Teamcenter def", "Crystal Reports");
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = EveryClocLanguageTest.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
