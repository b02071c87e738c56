package org.xenfusa.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.xenfusa.sloc.config.LineFigures;
import org.xenfusa.trace.impact.AreaImpact;
import org.xenfusa.trace.impact.FunctionChange;
import org.xenfusa.trace.impact.ImpactReport;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What {@code fusa impact --json} prints: the one {@link ImpactReport}, records written by Jackson in component order. */
record ImpactJson(String from, String to, String fromCommit, String toCommit, String configuration, int compiledFilesFrom,
        int compiledFilesTo, Counts counts, List<String> changedFiles, List<Function> functions, List<AreaImpact> files,
        List<AreaImpact> directories, List<Suspect> suspectLinks, List<Requirement> requirementsToReview,
        List<Test> testsToRerun, @JsonInclude(JsonInclude.Include.NON_NULL) Sloc slocDelta,
        @JsonInclude(JsonInclude.Include.NON_NULL) String effortModel, Map<String, Effort> effortDelta) {

    record Counts(int added, int removed, int changed, int suspectLinks, int requirements, int tests) {
    }

    /** {@code lines} are the later snapshot's, or the earlier's for a removed function; {@code linesBefore} the earlier's. */
    record Function(String kind, String path, String name, String lines, String linesBefore, String hashBefore,
            String hashAfter) {
    }

    record Suspect(String requirement, String function, List<String> reasons) {
    }

    record Requirement(String id, boolean direct, List<String> because) {
    }

    record Test(String file, String name, String type, List<String> requirements) {
    }

    record Sloc(LineFigures makeCloc, LineFigures withHeaders, LineFigures activeLines, List<String> sourcesAdded,
            List<String> sourcesRemoved) {
    }

    record Effort(long sloc, double hours, double personYears, boolean interpolated) {
    }

    static ImpactJson of(ImpactReport r, String fromCommit, String toCommit) {
        Map<String, Effort> effort = new LinkedHashMap<>();
        r.effort().forEach((l, e) -> effort.put(l.name(), new Effort(e.sloc(), e.hours(), e.personYears(), e.interpolated())));
        return new ImpactJson(r.fromRef(), r.toRef(), fromCommit, toCommit, r.configuration(), r.compiledFrom(),
                r.compiledTo(), new Counts(r.count(FunctionChange.Kind.ADDED), r.count(FunctionChange.Kind.REMOVED),
                        r.count(FunctionChange.Kind.CHANGED), r.suspects().size(), r.requirements().size(), r.tests().size()),
                r.changedFiles(),
                r.functions().stream().map(f -> new Function(f.kind().name(), f.path(), f.name(), f.lines(),
                        f.before().map(x -> x.startLine() + "-" + x.endLine()).orElse(null), f.before().map(x -> x.contentHash()).orElse(null), f.after().map(x -> x.contentHash()).orElse(null)))
                        .toList(),
                r.files(), r.directories(),
                r.suspects().stream().map(s -> new Suspect(s.link().requirement().toString(),
                        s.link().path() + ":" + s.link().function(), s.reasons().stream().map(Enum::name).toList())).toList(),
                r.requirements().stream().map(q -> new Requirement(q.id().toString(), q.direct(), q.because())).toList(),
                r.tests().stream().map(t -> new Test(t.test().path(), t.test().name(), t.test().artifactType(),
                        t.requirements())).toList(),
                r.sloc().map(d -> new Sloc(d.makeCloc(), d.withHeaders(), d.activeLines(), d.sourcesAdded(),
                        d.sourcesRemoved())).orElse(null),
                r.effortModel().orElse(null), effort);
    }
}
