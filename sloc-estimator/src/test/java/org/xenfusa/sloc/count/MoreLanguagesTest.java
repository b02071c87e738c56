package org.xenfusa.sloc.count;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/**
 * Languages this project's own tree has beyond Xen's (found by comparing {@code fusa sloc} with
 * cloc on this repository); expected figures are what cloc 1.96 printed for the same bytes.
 */
class MoreLanguagesTest {
    private final ClocCounter counter = new ClocCounter();

    private FileCount count(String path, String text) {
        return counter.count(path, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void mavenPomIsMavenNotXml() {
        // the POM namespace decides Maven over XML; an XML comment spanning lines is comment
        assertThat(count("pom.xml", "<?xml version=\"1.0\"?>\n<!-- a comment\n spanning -->\n"
                + "<project xmlns=\"http://maven.apache.org/POM/4.0.0\">\n\n  <modelVersion>4.0.0</modelVersion>\n</project>\n"))
                .isEqualTo(FileCount.counted("Maven", 1, 2, 4));
    }

    @Test
    void propertiesCommentsStartWithHashOrBang() {
        // a '#' after a value is not a comment: cloc only removes whole lines
        assertThat(count("app.properties", "# comment\n! bang comment\n\nkey=value\n  # indented\nother = x # not a comment\n"))
                .isEqualTo(FileCount.counted("Properties", 1, 3, 2));
    }

    @Test
    void sqlLineAndBlockComments() {
        // a trailing '--' comment leaves the line code; the block comment's second line holds code too
        assertThat(count("schema.sql", "-- header\ncreate table t (\n  id int, -- trailing\n  /* block\n"
                + "     comment */ name text\n);\n\n"))
                .isEqualTo(FileCount.counted("SQL", 1, 2, 4));
    }

    @Test
    void xsdIsItsOwnLanguage() {
        assertThat(count("s.xsd", "<?xml version=\"1.0\"?>\n<!-- c -->\n<xs:schema>\n</xs:schema>\n"))
                .isEqualTo(FileCount.counted("XSD", 0, 1, 3));
    }
}
