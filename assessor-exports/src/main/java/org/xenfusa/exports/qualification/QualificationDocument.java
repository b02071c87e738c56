package org.xenfusa.exports.qualification;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.xenfusa.exports.docx.WordDocument;
import org.xenfusa.exports.model.EvidenceContext;
import org.xenfusa.exports.model.PolicyRef;
import org.xenfusa.sloc.reference.ReferenceCase;

/** The qualification report as a Word document: claim, restrictions, environment, every case, known deviations. */
public final class QualificationDocument {
    public static final String TITLE = "Tool qualification report";

    private QualificationDocument() {
    }

    public static byte[] write(QualificationReport r) {
        EvidenceContext ctx = new EvidenceContext("xen-fusa", "HEAD", r.toolCommit(), r.tool(), r.generatedAt(), "",
                "", Optional.empty(), PolicyRef.oft());
        WordDocument d = new WordDocument(ctx, TITLE, TITLE + ": " + r.tool());
        d.title(TITLE);
        d.subtitle(r.tool() + " (commit " + r.toolCommit() + ")");
        d.labelled("Generated", r.generatedAt().toString());
        d.labelled("Result", r.passed() ? "every case run passed" : r.failed().size() + " case(s) failed");
        d.contents();

        d.heading(1, "Result");
        if (r.passed()) {
            d.paragraph(r.count(ReferenceCase.Outcome.PASS) + " cases passed, "
                    + r.count(ReferenceCase.Outcome.NOT_RUN) + " not run, none failed.");
        } else {
            d.warning(r.failed().size() + " case(s) failed: "
                    + String.join(", ", r.failed().stream().map(ReferenceCase::id).toList()) + ".");
        }
        List<String[]> rows = new ArrayList<>();
        for (ReferenceCase c : r.cases()) {
            rows.add(new String[] {c.id(), c.useCase(), c.expected(), c.obtained(), QualificationJson.result(c.outcome()),
                String.valueOf(c.deviations().size())});
        }
        d.table(new String[] {"Case", "Use case", "Expected", "Obtained", "Result", "Known deviations"}, rows,
                new int[] {5, 4, 4, 4, 2, 2}, new boolean[] {false, false, false, false, false, true});

        QualificationReport.Claim claim = r.claim();
        d.heading(1, "Qualification argument");
        d.heading(2, "ISO 26262-8");
        d.paragraph(claim.iso26262());
        d.heading(2, "DO-330");
        d.paragraph(claim.do330());
        d.heading(2, "Use cases covered");
        claim.useCases().forEach(d::paragraph);
        d.heading(2, "Restrictions of use");
        d.labelled("Supported Xen releases", String.join(", ", claim.supportedReleases()));
        d.labelled("Architectures", String.join(", ", claim.architectures()));
        d.labelled("Toolchain profiles", String.join(", ", claim.toolchainProfiles()));
        claim.restrictions().forEach(d::paragraph);

        d.heading(1, "Environment");
        d.labelled("Tool", r.tool() + ", commit " + r.toolCommit());
        d.labelled("Java", r.environment().java());
        d.labelled("Operating system", r.environment().os());
        d.labelled("cloc", r.environment().cloc());
        d.labelled("Xen clone", r.xenClone().orElse("none given"));
        List<String[]> tags = new ArrayList<>();
        new java.util.TreeMap<>(r.xenCommits()).forEach((tag, commit) -> tags.add(new String[] {tag, commit}));
        if (!tags.isEmpty()) {
            d.table(new String[] {"Tag", "Commit"}, tags, new int[] {4, 10}, new boolean[] {false, false});
        }

        d.heading(1, "Cases");
        for (ReferenceCase c : r.cases()) {
            d.heading(2, c.id());
            d.labelled("Use case", c.useCase());
            d.labelled("Compared", c.compared());
            d.labelled("Expected", c.expected());
            d.labelled("Obtained", c.obtained());
            d.labelled("Result", QualificationJson.result(c.outcome()));
            if (!c.differences().isEmpty()) {
                d.warning(c.differences().size() + " difference(s); the first:");
                c.differences().stream().limit(20).forEach(d::paragraph);
            }
            for (ReferenceCase.KnownDeviation dev : c.deviations()) {
                d.labelled("Known deviation: " + dev.subject(), dev.analysis());
            }
        }
        return d.toBytes();
    }
}
