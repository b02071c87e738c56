package org.xenfusa.cli;

import java.util.List;

import org.xenfusa.coverage.Counter;
import org.xenfusa.coverage.CoverageProblem;
import org.xenfusa.coverage.CoverageReport;
import org.xenfusa.coverage.DataSource;
import org.xenfusa.coverage.CoverageCounts;

/**
 * {@code fusa coverage --json}: {@code files} with {@code path} and {@code lines}, {@code branches}, {@code conditions},
 * {@code functions} each as {@code {total, covered}}; then the same per function, directory, requirement and for the
 * configuration's compiled code, with the criteria of the level.
 */
record CoverageJson(List<FileJson> files, List<FunctionJson> functions, List<DirectoryJson> directories,
        List<RequirementJson> requirements, ConfigurationJson configuration, String commit, List<DataSetJson> dataSets,
        List<String> notInSnapshot, List<String> unmapped, List<String> problems) {

    record Count(long total, long covered) {
        static Count of(Counter c) {
            return new Count(c.total(), c.covered());
        }
    }

    record DataSetJson(String test, String file, String format, String tool, String toolVersion, String sha256,
            long bytes, int files) {
    }

    record FileJson(String path, boolean compiled, int sloc, Count lines, Count branches, Count conditions,
            Count functions) {
    }

    record FunctionJson(String path, String name, int startLine, int endLine, boolean compiled, int sloc, boolean called,
            Count lines, Count branches, Count conditions) {
    }

    record DirectoryJson(String directory, int files, Count lines, Count branches, Count conditions, Count functions) {
    }

    record FiguresJson(Count lines, Count branches, Count conditions, Count functions) {
        static FiguresJson of(CoverageCounts f) {
            return new FiguresJson(Count.of(f.lines()), Count.of(f.branches()), Count.of(f.conditions()),
                    Count.of(f.functions()));
        }
    }

    record RequirementJson(String id, String type, String title, List<String> tests, List<String> dataSets,
            List<String> functions, FiguresJson byItsTests, FiguresJson byAllTests) {
    }

    record NeverJson(String path, String name, int startLine, int sloc, boolean hasData) {
    }

    /** The configuration's compiled code, its level and the criteria the level asks for. */
    record ConfigurationJson(String name, String level, List<CriterionJson> criteria, int files, long sloc,
            int filesWithData, long slocWithData, Count lines, Count branches, Count conditions, Count functions,
            List<NeverJson> neverExecuted,
            List<CoverageReport.NeverExecutedDirectory> neverExecutedByDirectory) {
    }

    record CriterionJson(String criterion, String measure, boolean measured, Count figure) {
    }

    static CoverageJson of(CoverageReport r) {
        CoverageReport.CompiledFigures c = r.compiled();
        CoverageCounts cf = c.figures();
        return new CoverageJson(
                r.files().stream().map(f -> new FileJson(f.path(), f.compiled(), f.sloc(),
                        Count.of(f.figures().lines()), Count.of(f.figures().branches()),
                        Count.of(f.figures().conditions()), Count.of(f.figures().functions()))).toList(),
                r.functions().stream().map(f -> new FunctionJson(f.path(), f.name(), f.startLine(), f.endLine(),
                        f.compiled(), f.sloc(), f.called(), Count.of(f.figures().lines()),
                        Count.of(f.figures().branches()), Count.of(f.figures().conditions()))).toList(),
                r.directories().stream().map(d -> new DirectoryJson(d.directory(), d.files(),
                        Count.of(d.figures().lines()), Count.of(d.figures().branches()),
                        Count.of(d.figures().conditions()), Count.of(d.figures().functions()))).toList(),
                r.requirements().stream().map(q -> new RequirementJson(q.id(), q.type(), q.title(), q.tests(),
                        q.dataSets(), q.functions().stream().map(f -> f.path() + ":" + f.name()).toList(),
                        FiguresJson.of(q.byItsTests()), FiguresJson.of(q.byAllTests()))).toList(),
                new ConfigurationJson(r.configuration(), r.level().label(),
                        r.criteria().stream().map(k -> new CriterionJson(k.criterion().label(),
                                k.criterion().measure(), k.measured(), Count.of(k.counter()))).toList(),
                        c.files(), c.sloc(), c.filesWithData(), c.slocWithData(), Count.of(cf.lines()),
                        Count.of(cf.branches()), Count.of(cf.conditions()), Count.of(cf.functions()),
                        c.neverExecuted().stream().map(f -> new NeverJson(f.path(), f.name(), f.startLine(), f.sloc(),
                                f.figures().lines().total() > 0)).toList(), c.neverExecutedByDirectory()),
                r.commit(), r.dataSets().stream().map(d -> data(d.test(), d.source())).toList(), r.notInSnapshot(),
                r.unmapped(), r.problems().stream().map(CoverageProblem::toString).toList());
    }

    private static DataSetJson data(String test, DataSource s) {
        return new DataSetJson(test, s.name(), s.format(), s.tool(), s.toolVersion(), s.sha256(), s.bytes(), s.files());
    }
}
