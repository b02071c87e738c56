package org.xenfusa.exports.evidence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.xenfusa.exports.FixedTimeZip;
import org.xenfusa.exports.docx.ReadinessDocument;
import org.xenfusa.exports.docx.TraceabilityReport;
import org.xenfusa.exports.model.AttachedFile;
import org.xenfusa.exports.model.ConfigurationFigures;
import org.xenfusa.exports.model.EvidenceContext;
import org.xenfusa.exports.model.EvidenceJson;
import org.xenfusa.exports.model.ReleaseEvidence;
import org.xenfusa.exports.model.Sha256;
import org.xenfusa.exports.reqif.ReqifExport;
import org.xenfusa.exports.xlsx.AssessorWorkbook;
import org.xenfusa.exports.xlsx.ReadinessWorkbook;
import org.xenfusa.trace.impact.ImpactReport;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One ZIP an assessor can file: every document, the inputs they were made from (the evidence as JSON, each
 * {@code .config}, link files, test results, MISRA findings, coverage data files byte for byte, gate file) and a
 * MANIFEST.json naming each file's SHA-256 and its inputs. Entries carry the stated time and a fixed order, so the same evidence always gives the same bytes.
 */
// [impl->dsn~evidence-package~1]
public final class EvidencePackage {
    public static final String MANIFEST = "MANIFEST.json";
    public static final String FORMAT = "xen-fusa-evidence/1";
    static final String EVIDENCE_JSON = "inputs/evidence.json";
    static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private EvidencePackage() {
    }

    public static byte[] build(ReleaseEvidence evidence, Optional<ReadinessInputs> readiness) {
        return build(evidence, readiness, List.of());
    }

    /**
     * The package, its traceability report and readiness report with a section on the change impact since the previous
     * release (one {@link ImpactReport} per configuration; none when no previous release was named).
     */
    public static byte[] build(ReleaseEvidence evidence, Optional<ReadinessInputs> readiness, List<ImpactReport> impacts) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        Map<String, List<String>> madeFrom = new LinkedHashMap<>();
        Set<String> lowerCase = new HashSet<>();
        // inputs first: documents name them
        add(files, madeFrom, lowerCase, EVIDENCE_JSON, EvidenceJson.write(evidence), List.of());
        List<String> configs = new ArrayList<>();
        for (ConfigurationFigures c : evidence.configurations()) {
            String path = "inputs/configs/" + fileName(c.name()) + ".config";
            add(files, madeFrom, lowerCase, path, c.configText().getBytes(StandardCharsets.UTF_8), List.of());
            configs.add(path);
        }
        for (AttachedFile a : evidence.attachments()) {
            add(files, madeFrom, lowerCase, "inputs/" + a.kind().folder() + "/" + relativePath(a.name()),
                    a.content(), List.of());
        }
        // the trace policy the verdicts follow, byte for byte as hashed
        String policy = policyPath(evidence.context());
        add(files, madeFrom, lowerCase, policy, evidence.context().tracePolicy().text().getBytes(StandardCharsets.UTF_8),
                List.of());
        List<String> fromEvidence = new ArrayList<>(List.of(EVIDENCE_JSON, policy));
        fromEvidence.addAll(configs);
        add(files, madeFrom, lowerCase, "documents/traceability-and-sloc.xlsx", AssessorWorkbook.write(evidence),
                fromEvidence);
        add(files, madeFrom, lowerCase, "documents/traceability-and-sloc-report.docx",
                TraceabilityReport.write(evidence, impacts), fromEvidence);
        add(files, madeFrom, lowerCase, "documents/requirements.reqif",
                ReqifExport.write(evidence.context(), evidence.requirements()), List.of(EVIDENCE_JSON));
        if (readiness.isPresent()) {
            ReadinessInputs r = readiness.get();
            List<String> from = new ArrayList<>(List.of(EVIDENCE_JSON));
            String gates = "inputs/gates/" + relativePath(fileNameOf(r.gateFileName()));
            add(files, madeFrom, lowerCase, gates, r.gateFileText().getBytes(StandardCharsets.UTF_8), List.of());
            from.add(gates);
            if (r.previous().isPresent()) {
                add(files, madeFrom, lowerCase, "inputs/previous-evidence.json", EvidenceJson.write(r.previous().get()),
                        List.of());
                from.add("inputs/previous-evidence.json");
            }
            add(files, madeFrom, lowerCase, "documents/readiness.xlsx", ReadinessWorkbook.write(r.report()), from);
            add(files, madeFrom, lowerCase, "documents/readiness.docx", ReadinessDocument.write(evidence, r.report(),
                    impacts), from);
        }
        byte[] manifest = manifest(evidence, files, madeFrom);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (FixedTimeZip zip = new FixedTimeZip(out, evidence.context().generatedAt())) {
            zip.add(MANIFEST, manifest);
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                zip.add(f.getKey(), f.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a ZIP in memory", e);
        }
        return out.toByteArray();
    }

    private static void add(Map<String, byte[]> files, Map<String, List<String>> madeFrom, Set<String> lowerCase,
            String path, byte[] bytes, List<String> from) {
        // case-insensitive file systems would merge two entries that differ only in case
        if (!lowerCase.add(path.toLowerCase())) {
            throw new IllegalArgumentException("two files of the evidence package would be named " + path);
        }
        files.put(path, bytes);
        madeFrom.put(path, from);
    }

    private static byte[] manifest(ReleaseEvidence evidence, Map<String, byte[]> files,
            Map<String, List<String>> madeFrom) {
        EvidenceContext ctx = evidence.context();
        ObjectNode m = JSON.createObjectNode();
        m.put("format", FORMAT);
        m.put("repository", ctx.repository());
        m.put("ref", ctx.ref());
        m.put("commit", ctx.commit());
        m.put("toolVersion", ctx.toolVersion());
        m.put("generatedAt", ctx.generatedAt().toString());
        m.put("effortModel", ctx.effortModel());
        ObjectNode policy = m.putObject("tracePolicy");
        policy.put("name", ctx.tracePolicy().name());
        policy.put("version", ctx.tracePolicy().version());
        policy.put("sha256", ctx.tracePolicy().sha256());
        policy.put("path", policyPath(ctx));
        ArrayNode configs = m.putArray("configurations");
        for (ConfigurationFigures c : evidence.configurations()) {
            ObjectNode o = configs.addObject();
            o.put("name", c.name());
            o.put("arch", c.arch());
            o.put("board", c.board().orElse(""));
            o.put("configSha256", c.configSha256());
            ArrayNode w = o.putArray("warnings");
            c.warnings().forEach(w::add);
        }
        ArrayNode list = m.putArray("files");
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            ObjectNode o = list.addObject();
            o.put("path", f.getKey());
            o.put("sha256", Sha256.hex(f.getValue()));
            o.put("size", f.getValue().length);
            ArrayNode from = o.putArray("madeFrom");
            madeFrom.get(f.getKey()).forEach(from::add);
        }
        return (JSON.writeValueAsString(m) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The files a MANIFEST lists, in its order. */
    static List<PackagedFile> files(JsonNode manifest) {
        List<PackagedFile> out = new ArrayList<>();
        for (JsonNode f : manifest.path("files")) {
            List<String> from = new ArrayList<>();
            f.path("madeFrom").forEach(x -> from.add(x.asString()));
            out.add(new PackagedFile(f.path("path").asString(), f.path("sha256").asString(), f.path("size").asLong(),
                    from));
        }
        return out;
    }

    /** Where the package holds the trace policy: {@code inputs/policy/<name>.yaml}. */
    static String policyPath(EvidenceContext ctx) {
        return "inputs/policy/" + fileName(ctx.tracePolicy().name()) + ".yaml";
    }

    /** A configuration name as a file name: letters, digits, '.', '-' and '_' kept, anything else '_'. */
    static String fileName(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static String fileNameOf(String path) {
        String p = path.replace('\\', '/');
        return p.substring(p.lastIndexOf('/') + 1);
    }

    /** An attachment's name kept as a relative path, never escaping its folder. */
    static String relativePath(String name) {
        String p = name.replace('\\', '/');
        List<String> parts = new ArrayList<>();
        for (String part : p.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                throw new IllegalArgumentException("attachment name leaves its folder: " + name);
            }
            parts.add(fileName(part));
        }
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("attachment name is empty: '" + name + "'");
        }
        return String.join("/", parts);
    }
}
