package org.xenfusa.exports.qualification;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.xenfusa.sloc.reference.ReferenceCase;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The report as one JSON document: {@code tool}, {@code environment}, {@code xen} (the clone and the commit of each
 * tag), {@code claim}, {@code summary} and {@code cases}, each with id, use case, what is compared, expected,
 * obtained, result ({@code pass}, {@code fail}, {@code not run}), differences and known deviations with their analysis.
 */
public final class QualificationJson {
    static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private QualificationJson() {
    }

    public static String write(QualificationReport r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("format", "xen-fusa-qualification/1");
        // LinkedHashMap, not Map.of: Jackson writes a map in its iteration order, and Map.of's changes from one JVM
        // to the next (the same run gave other bytes on every JVM)
        Map<String, Object> tool = new LinkedHashMap<>();
        tool.put("name", r.tool());
        tool.put("commit", r.toolCommit());
        out.put("tool", tool);
        out.put("generatedAt", r.generatedAt().toString());
        Map<String, Object> environment = new LinkedHashMap<>();
        environment.put("java", r.environment().java());
        environment.put("os", r.environment().os());
        environment.put("cloc", r.environment().cloc());
        out.put("environment", environment);
        Map<String, Object> xen = new LinkedHashMap<>();
        xen.put("clone", r.xenClone().orElse(null));
        xen.put("tags", new java.util.TreeMap<>(r.xenCommits()));
        out.put("xen", xen);
        QualificationReport.Claim c = r.claim();
        Map<String, Object> claim = new LinkedHashMap<>();
        claim.put("iso26262", c.iso26262());
        claim.put("do330", c.do330());
        claim.put("useCases", c.useCases());
        claim.put("supportedReleases", c.supportedReleases());
        claim.put("architectures", c.architectures());
        claim.put("toolchainProfiles", c.toolchainProfiles());
        claim.put("restrictions", c.restrictions());
        out.put("claim", claim);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("passed", r.count(ReferenceCase.Outcome.PASS));
        summary.put("failed", r.count(ReferenceCase.Outcome.FAIL));
        summary.put("notRun", r.count(ReferenceCase.Outcome.NOT_RUN));
        summary.put("failedCases", r.failed().stream().map(ReferenceCase::id).toList());
        out.put("summary", summary);
        out.put("cases", r.cases().stream().map(QualificationJson::item).toList());
        return JSON.writeValueAsString(out);
    }

    static String result(ReferenceCase.Outcome o) {
        return o.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static Map<String, Object> item(ReferenceCase c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("useCase", c.useCase());
        m.put("compared", c.compared());
        m.put("expected", c.expected());
        m.put("obtained", c.obtained());
        m.put("result", result(c.outcome()));
        m.put("differences", c.differences());
        List<Map<String, String>> deviations = c.deviations().stream()
                .map(d -> {
                    Map<String, String> deviation = new LinkedHashMap<>();
                    deviation.put("subject", d.subject());
                    deviation.put("analysis", d.analysis());
                    return deviation;
                }).toList();
        m.put("knownDeviations", deviations);
        return m;
    }
}
