package org.xenfusa.exports.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenfusa.exports.model.EvidenceJson;
import org.xenfusa.exports.model.ReleaseEvidence;
import org.xenfusa.exports.model.Sha256;
import org.xenfusa.exports.readiness.GateFileParser;
import org.xenfusa.exports.readiness.ReadinessEvaluator;
import org.xenfusa.exports.synthetic.SyntheticEvidence;

import tools.jackson.databind.JsonNode;

/** The evidence package: contents and manifest, byte-identical rebuilds, verification of good and tampered copies. */
// [utest->dsn~evidence-package~1] [utest->err~package-tampered~1]
class EvidencePackageTest {
    @TempDir Path tmp;
    static ReleaseEvidence evidence;
    static ReleaseEvidence previous;
    static ReadinessInputs readiness;
    static byte[] zip;

    @BeforeAll
    static void build() throws Exception {
        evidence = SyntheticEvidence.create(SyntheticEvidence.Shape.small(), "RELEASE-4.22.0", "a".repeat(40), 5);
        previous = SyntheticEvidence.create(SyntheticEvidence.Shape.small(), "RELEASE-4.21.0", "b".repeat(40), 0);
        String gates = "all:\n  suspect-links-max: 0\n  sloc-growth-max-percent: 10\n";
        readiness = new ReadinessInputs("gates.yaml", gates, Optional.of(previous), ReadinessEvaluator.evaluate(
                GateFileParser.parse(gates, "gates.yaml"), evidence, Optional.of(previous)));
        zip = EvidencePackage.build(evidence, Optional.of(readiness));
    }

    @Test
    void holdsDocumentsInputsAndAManifestWithHashesAndSources() throws Exception {
        Path file = tmp.resolve("evidence.zip");
        Files.write(file, zip);
        try (ZipFile z = new ZipFile(file.toFile())) {
            List<String> names = Collections.list(z.entries()).stream().map(ZipEntry::getName).toList();
            assertThat(names.get(0)).isEqualTo("MANIFEST.json");
            assertThat(names).contains("inputs/evidence.json", "inputs/configs/x86_64-defconfig.config",
                    "inputs/configs/arm64-defconfig.config", "inputs/links/links.yaml", "inputs/test-results/junit.xml",
                    "inputs/gates/gates.yaml", "inputs/previous-evidence.json", "documents/traceability-and-sloc.xlsx",
                    "documents/traceability-and-sloc-report.docx", "documents/requirements.reqif",
                    "documents/readiness.xlsx", "documents/readiness.docx", "inputs/policy/oft.yaml");
            JsonNode m = EvidencePackage.JSON.readTree(z.getInputStream(z.getEntry("MANIFEST.json")).readAllBytes());
            assertThat(m.path("commit").asString()).isEqualTo(evidence.context().commit());
            assertThat(m.path("configurations").get(1).path("warnings").get(0).asString())
                    .isEqualTo(evidence.configurations().get(1).warnings().get(0));
            assertThat(m.path("configurations").get(0).path("configSha256").asString())
                    .isEqualTo(evidence.configurations().get(0).configSha256());
            for (PackagedFile f : EvidencePackage.files(m)) {
                byte[] bytes = z.getInputStream(z.getEntry(f.path())).readAllBytes();
                assertThat(Sha256.hex(bytes)).as(f.path()).isEqualTo(f.sha256());
            }
            PackagedFile report = EvidencePackage.files(m).stream()
                    .filter(f -> f.path().equals("documents/traceability-and-sloc-report.docx")).findFirst().orElseThrow();
            assertThat(report.madeFrom()).containsExactly("inputs/evidence.json", "inputs/policy/oft.yaml",
                    "inputs/configs/x86_64-defconfig.config", "inputs/configs/arm64-defconfig.config");
            // the trace policy the verdicts follow: named and hashed in the manifest, its text packaged as hashed
            assertThat(m.path("tracePolicy").path("name").asString()).isEqualTo("oft");
            assertThat(m.path("tracePolicy").path("sha256").asString())
                    .isEqualTo(org.xenfusa.trace.policy.TracePolicy.oft().sha256());
            assertThat(Sha256.hex(z.getInputStream(z.getEntry("inputs/policy/oft.yaml")).readAllBytes()))
                    .isEqualTo(org.xenfusa.trace.policy.TracePolicy.oft().sha256());
            assertThat(new String(z.getInputStream(z.getEntry("inputs/configs/x86_64-defconfig.config")).readAllBytes(),
                    StandardCharsets.UTF_8)).isEqualTo(evidence.configurations().get(0).configText());
            // the packaged evidence reads back as the evidence it was made from
            assertThat(EvidenceJson.read(z.getInputStream(z.getEntry("inputs/evidence.json")), "evidence.json"))
                    .isEqualTo(evidence);
        }
    }

    @Test
    void buildingTwiceGivesIdenticalBytes() {
        assertThat(EvidencePackage.build(evidence, Optional.of(readiness))).isEqualTo(zip);
    }

    @Test
    void anUntouchedPackageVerifies() throws Exception {
        Path file = tmp.resolve("good.zip");
        Files.write(file, zip);
        VerificationResult r = EvidenceVerifier.verify(file);
        assertThat(r.intactPackage()).isTrue();
        assertThat(r.intact()).hasSize(13);
        assertThat(r.manifestCommit()).isEqualTo(evidence.context().commit());
    }

    @Test
    void aTamperedPackageNamesChangedAddedAndRemovedFiles() throws Exception {
        Path good = tmp.resolve("good.zip");
        Files.write(good, zip);
        Path bad = tmp.resolve("bad.zip");
        try (ZipFile in = new ZipFile(good.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(bad))) {
            for (ZipEntry e : Collections.list(in.entries())) {
                if (e.getName().equals("documents/requirements.reqif")) {
                    continue; // removed
                }
                byte[] b = in.getInputStream(e).readAllBytes();
                if (e.getName().equals("inputs/configs/arm64-defconfig.config")) {
                    b = (new String(b, StandardCharsets.UTF_8) + "CONFIG_DEBUG=y\n").getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(b);
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry("documents/extra.txt"));
            out.write("x".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        VerificationResult r = EvidenceVerifier.verify(bad);
        assertThat(r.intactPackage()).isFalse();
        assertThat(r.changed()).containsExactly("inputs/configs/arm64-defconfig.config");
        assertThat(r.removed()).containsExactly("documents/requirements.reqif");
        assertThat(r.added()).containsExactly("documents/extra.txt");
    }

    @Test
    void somethingElseIsNotAPackage() throws Exception {
        Path text = tmp.resolve("notes.zip");
        Files.writeString(text, "not a zip");
        assertThatThrownBy(() -> EvidenceVerifier.verify(text)).isInstanceOf(NotAnEvidencePackageException.class)
                .hasMessageContaining("not a ZIP");
        Path plainZip = tmp.resolve("plain.zip");
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(b)) {
            z.putNextEntry(new ZipEntry("a.txt"));
            z.closeEntry();
        }
        Files.write(plainZip, b.toByteArray());
        assertThatThrownBy(() -> EvidenceVerifier.verify(plainZip)).isInstanceOf(NotAnEvidencePackageException.class)
                .hasMessageContaining("no MANIFEST.json");
    }

    @Test
    void attachmentNamesCannotEscapeTheirFolder() {
        assertThat(EvidencePackage.relativePath("sub/dir/links.yaml")).isEqualTo("sub/dir/links.yaml");
        assertThatThrownBy(() -> EvidencePackage.relativePath("../../etc/passwd"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aZipBombIsRefusedWithoutExhaustingMemory() throws Exception {
        // a 2 MB file inflating to 2.2 GiB of zeros: more than one Java array holds, so reading it whole failed
        Path bomb = tmp.resolve("bomb.zip");
        byte[] manifest;
        try (ZipFile z = new ZipFile(writeGood().toFile())) {
            manifest = z.getInputStream(z.getEntry(EvidencePackage.MANIFEST)).readAllBytes();
        }
        ZipBomb.write(bomb, "documents/zeros.bin", 2200, EvidencePackage.MANIFEST, manifest);
        assertThat(Files.size(bomb)).isLessThan(5L << 20);
        assertThatThrownBy(() -> EvidenceVerifier.verify(bomb)).isInstanceOf(NotAnEvidencePackageException.class)
                .hasMessageContaining("entry 'documents/zeros.bin' expands more than 200 times").hasMessageContaining("zip bomb");
    }

    @Test
    void entriesAndPackagesBeyondTheSizeLimitsAreRefused() throws Exception {
        Path good = writeGood();
        assertThat(EvidenceVerifier.verify(good, EvidenceVerifier.Limits.DEFAULT).intactPackage()).isTrue();
        assertThatThrownBy(() -> EvidenceVerifier.verify(good, new EvidenceVerifier.Limits(100, 100, 1L << 30, 1L << 20,
                1L << 20, 200))).hasMessageContaining("is larger than 100 bytes");
        assertThatThrownBy(() -> EvidenceVerifier.verify(good, new EvidenceVerifier.Limits(100, 1L << 30, 1000, 1L << 20,
                1L << 20, 200))).hasMessageContaining("beyond 1000 bytes in all");
        assertThatThrownBy(() -> EvidenceVerifier.verify(good, new EvidenceVerifier.Limits(3, 1L << 30, 1L << 30, 1L << 20,
                1L << 20, 200))).hasMessageContaining("more than the 3 an evidence package may have");
    }

    @Test
    void namesArePrintableOnOneLine() {
        assertThat(EvidenceVerifier.printable("documents/a.docx")).isEqualTo("documents/a.docx");
        assertThat(EvidenceVerifier.printable("x\nOK forged.zip\r\t\\\u0000\u202e\u2028é"))
                .isEqualTo("x\\nOK forged.zip\\r\\t\\\\\\u0000\\u202e\\u2028é");
    }

    private Path writeGood() throws Exception {
        Path good = tmp.resolve("good-" + System.nanoTime() + ".zip");
        Files.write(good, zip);
        return good;
    }
}
