package org.xenfusa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenfusa.exports.model.EvidenceJson;
import org.xenfusa.exports.synthetic.SyntheticEvidence;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code fusa readiness}: exit 1 when a gate fails (so CI can block), JSON output, gate file errors as exit 2. */
// [utest->err~ready-without-evidence~1]
class ReadinessCommandTest {
    @TempDir Path tmp;
    Path now;
    Path before;

    @BeforeEach
    void evidence() throws Exception {
        var shape = SyntheticEvidence.Shape.small();
        now = tmp.resolve("now.json");
        before = tmp.resolve("before.json");
        Files.write(now, EvidenceJson.write(SyntheticEvidence.create(shape, "RELEASE-4.22.0", "a".repeat(40), 10)));
        Files.write(before, EvidenceJson.write(SyntheticEvidence.create(shape, "RELEASE-4.21.0", "b".repeat(40), 0)));
    }

    @Test
    void aFailingGateIsExitOneAndAPassingFileExitZero() throws Exception {
        Path strict = tmp.resolve("strict.yaml");
        Files.writeString(strict, "all:\n  suspect-links-max: 0\n");
        Path docx = tmp.resolve("r.docx");
        Path xlsx = tmp.resolve("r.xlsx");
        try (CliCapture c = new CliCapture()) {
            assertThat(FusaCommandLine.run(new String[] {"readiness", "--gates", strict.toString(), "--input",
                now.toString(), "--previous", before.toString(), "--docx", docx.toString(), "--xlsx", xlsx.toString()}))
                    .as(c.err()).isEqualTo(1);
            assertThat(c.out()).contains("NOT READY").contains("FAILED   x86_64-defconfig");
        }
        assertThat(docx).isNotEmptyFile();
        assertThat(xlsx).isNotEmptyFile();
        Path lax = tmp.resolve("lax.yaml");
        Files.writeString(lax, "all:\n  suspect-links-max: 1\n  sloc-growth-max-percent: 50\n");
        try (CliCapture c = new CliCapture()) {
            assertThat(FusaCommandLine.run(new String[] {"readiness", "--gates", lax.toString(), "--input",
                now.toString(), "--previous", before.toString(), "--json"})).as(c.err()).isZero();
            JsonNode json = JsonMapper.builder().build().readTree(c.out());
            assertThat(json.get("ready").asBoolean()).isTrue();
            assertThat(json.get("gates")).hasSize(4);
            assertThat(json.get("comparison").get("previousRef").asString()).isEqualTo("RELEASE-4.21.0");
        }
    }

    @Test
    void withoutGatesTheShippedGateFileIsUsed() throws Exception {
        try (CliCapture c = new CliCapture()) {
            int code = FusaCommandLine.run(new String[] {"readiness", "--input", now.toString(), "--previous",
                before.toString(), "--json"});
            assertThat(code).as(c.err()).isIn(FusaCommandLine.OK, FusaCommandLine.CHECK_FAILED);
            JsonNode json = JsonMapper.builder().build().readTree(c.out());
            java.util.Set<String> keys = new java.util.TreeSet<>();
            json.get("gates").forEach(g -> keys.add(g.get("gate").asString()));
            // every gate the shipped file sets, and nothing else
            java.util.Set<String> shipped = new java.util.TreeSet<>();
            org.xenfusa.exports.readiness.ReadinessGates.shippedText().lines().filter(l -> l.startsWith("  "))
                    .forEach(l -> shipped.add(l.strip().substring(0, l.strip().indexOf(':'))));
            assertThat(shipped).contains("design-covered-by-code-min-percent", "figure-warnings-max");
            assertThat(keys).isEqualTo(shipped);
        }
    }

    @Test
    void missingInputsAndFilesAreNamed() throws Exception {
        try (CliCapture c = new CliCapture()) {
            assertThat(FusaCommandLine.run(new String[] {"readiness"})).isEqualTo(FusaCommandLine.BAD_INPUT);
            assertThat(c.err()).contains("no input to read: give --input EVIDENCE.json").contains("--repo PATH");
        }
        Path nope = tmp.resolve("nope.yaml");
        try (CliCapture c = new CliCapture()) {
            assertThat(FusaCommandLine.run(new String[] {"readiness", "--gates", nope.toString(), "--input", now.toString()}))
                    .isEqualTo(FusaCommandLine.BAD_INPUT);
            assertThat(c.err()).contains("gate file (--gates) not found: " + nope);
        }
        try (CliCapture c = new CliCapture()) {
            assertThat(FusaCommandLine.run(new String[] {"readiness", "--input", tmp.resolve("none.json").toString()}))
                    .isEqualTo(FusaCommandLine.BAD_INPUT);
            assertThat(c.err()).contains("not found: " + tmp.resolve("none.json"));
        }
        try (CliCapture c = new CliCapture()) {
            assertThat(FusaCommandLine.run(new String[] {"export", "--format", "xlsx", "--out", tmp.resolve("x.xlsx").toString()}))
                    .isEqualTo(FusaCommandLine.BAD_INPUT);
            assertThat(c.err()).contains("no input to read: give --input EVIDENCE.json");
        }
    }

    @Test
    void aBadGateFileIsExitTwoNamingFileAndLine() throws Exception {
        Path g = tmp.resolve("g.yaml");
        Files.writeString(g, "all:\n  suspect-links-max: lots\n");
        try (CliCapture c = new CliCapture()) {
            assertThat(FusaCommandLine.run(new String[] {"readiness", "--gates", g.toString(), "--input",
                now.toString()})).isEqualTo(2);
            assertThat(c.err()).contains(g + ":2: 'suspect-links-max' wants a whole number, got 'lots'");
        }
    }

    private static java.util.List<String> fields(JsonNode n) {
        java.util.List<String> names = new java.util.ArrayList<>();
        n.propertyNames().forEach(names::add);
        return names;
    }

    @Test
    void jsonFieldsComeInTheirContractOrder() throws Exception {
        try (CliCapture c = new CliCapture()) {
            FusaCommandLine.run(new String[] {"readiness", "--input", now.toString(), "--previous", before.toString(), "--json"});
            JsonNode json = JsonMapper.builder().build().readTree(c.out());
            assertThat(fields(json)).containsExactly("commit", "ref", "ready", "notReadyBecause", "gates", "comparison",
                    "policy");
            // evidence JSON made before trace policies followed OpenFastTrace's rules: the shipped oft
            assertThat(json.get("policy").get("name").asString()).isEqualTo("oft");
            assertThat(json.get("policy").get("sha256").asString())
                    .isEqualTo(org.xenfusa.trace.policy.TracePolicy.oft().sha256());
            assertThat(json.get("commit").asString()).isEqualTo("a".repeat(40));
            assertThat(fields(json.get("gates").get(0))).containsExactly("configuration", "gate", "threshold", "value",
                    "verdict", "detail");
            assertThat(json.get("gates").get(0).get("configuration").asString()).isEqualTo("x86_64-defconfig");
            assertThat(fields(json.get("comparison"))).containsExactly("previousRef", "previousCommit", "requirementsAdded",
                    "requirementsChanged", "requirementsRemoved", "regressedTests", "newSuspectLinks");
        }
        try (CliCapture c = new CliCapture()) {
            FusaCommandLine.run(new String[] {"readiness", "--input", now.toString(), "--json"});
            JsonNode json = JsonMapper.builder().build().readTree(c.out());
            // no previous release: no comparison, and a gate that needs one has no value (null, not absent)
            assertThat(fields(json)).containsExactly("commit", "ref", "ready", "notReadyBecause", "gates", "policy");
            JsonNode growth = null;
            for (JsonNode g : json.get("gates")) {
                if (g.get("gate").asString().equals("sloc-growth-max-percent")) {
                    growth = g;
                }
            }
            assertThat(growth).isNotNull();
            assertThat(growth.has("value")).isTrue();
            assertThat(growth.get("value").isNull()).isTrue();
            assertThat(growth.get("verdict").asString()).isEqualTo("NOT_EVALUATED");
        }
    }
}
