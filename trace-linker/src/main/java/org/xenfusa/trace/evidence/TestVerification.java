package org.xenfusa.trace.evidence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.xenfusa.trace.link.TestLink;
import org.xenfusa.trace.spec.SpecificationItemId;

/** Ties the tests named in links to the results of one configuration's test run. */
// [impl->dsn~junit-results~1]
public final class TestVerification {
    private TestVerification() {
    }

    /** One verification per requirement that has test links, in link order. */
    public static Map<SpecificationItemId, RequirementVerification> verify(List<TestLink> links,
            List<TestResultFile> results) {
        Map<SpecificationItemId, List<RequirementVerification.Evidence>> byReq = new LinkedHashMap<>();
        for (TestLink link : links) {
            List<RequirementVerification.Found> found = new ArrayList<>();
            for (TestResultFile file : results) {
                for (TestCaseResult c : file.cases()) {
                    if (c.isNamed(link.name())) {
                        found.add(new RequirementVerification.Found(c, file.path(), file.sha256()));
                    }
                }
            }
            byReq.computeIfAbsent(link.requirement(), k -> new ArrayList<>())
                    .add(new RequirementVerification.Evidence(link, found));
        }
        Map<SpecificationItemId, RequirementVerification> out = new LinkedHashMap<>();
        byReq.forEach((req, evidence) -> out.put(req, new RequirementVerification(req, state(evidence), evidence)));
        return out;
    }

    private static VerificationState state(List<RequirementVerification.Evidence> evidence) {
        boolean notRun = false;
        for (RequirementVerification.Evidence e : evidence) {
            if (e.results().isEmpty()) {
                notRun = true;
            }
            for (RequirementVerification.Found f : e.results()) {
                switch (f.result().outcome()) {
                    case FAILED, ERROR -> {
                        return VerificationState.FAILED;
                    }
                    case SKIPPED -> notRun = true;
                    case PASSED -> { }
                }
            }
        }
        return evidence.isEmpty() ? VerificationState.NO_TESTS
                : notRun ? VerificationState.NOT_RUN : VerificationState.VERIFIED;
    }
}
