package org.xenfusa.coverage;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.xenfusa.coverage.CoverageReport.CompiledFigures;
import org.xenfusa.coverage.CoverageReport.CriterionResult;
import org.xenfusa.coverage.CoverageReport.DataSetSummary;
import org.xenfusa.coverage.CoverageReport.DirectoryFigures;
import org.xenfusa.coverage.CoverageReport.FileFigures;
import org.xenfusa.coverage.CoverageReport.FunctionFigures;
import org.xenfusa.coverage.CoverageReport.FunctionRef;
import org.xenfusa.coverage.CoverageReport.NeverExecutedDirectory;
import org.xenfusa.coverage.CoverageReport.RequirementFigures;
import org.xenfusa.sloc.effort.DesignAssuranceLevel;
import org.xenfusa.trace.config.ConfigurationAnalysis;
import org.xenfusa.trace.config.FileSloc;
import org.xenfusa.trace.config.TraceLevel;
import org.xenfusa.trace.function.FunctionIndex;
import org.xenfusa.trace.function.SourceFunction;
import org.xenfusa.trace.graph.TraceGraph;
import org.xenfusa.trace.graph.TracedItem;
import org.xenfusa.trace.link.ResolvedCodeLink;
import org.xenfusa.trace.link.TestLink;
import org.xenfusa.trace.report.ConfigurationTrace;
import org.xenfusa.trace.report.LinkedSpecification;
import org.xenfusa.trace.spec.SpecificationItem;
import org.xenfusa.trace.spec.SpecificationItemId;

/**
 * The one entry point of structural coverage: a snapshot's linked specification (trace-linker), the trace of one
 * configuration (its compiled files with cloc's SLOC, the items that apply) and the data sets imported for them give
 * the {@link CoverageReport}.
 * <p>
 * <b>Files</b> carry the figures of their merged data exactly as gcovr's summary gives them ({@link FileCoverage}).
 * <b>Functions</b> are the function index's (the same functions links name and the trace counts): a function's lines,
 * branches and conditions are those of the data between its first and last line; it was called when the data names a
 * function starting in it with calls, or, when the data names none there, when one of its lines ran.
 * <p>
 * <b>Requirements</b>: a requirement's functions are those of the code links and the tags (in a function, or in the
 * comment above one) under it, down its tree of covering items, in compiled files. Its tests are the test links of the
 * items of that tree and the test tags ({@code utest}, {@code itest}, {@code test}) in it. A data set is one of the
 * requirement's when its {@code test} equals a test's name, its file, or a folder holding its file ({@code
 * tools/tests/vpci} holds {@code tools/tests/vpci/main.c}). Requirements-based coverage is the functions' coverage by
 * those data sets merged; the other figure is by all data sets merged.
 * <p>
 * <b>Compiled code</b>: the figures of the compiled files only; the share of compiled SLOC whose file has any data; and
 * every compiled function no test executed (none of its lines ran, it was not called, or its file has no data), as
 * candidates for dead or deactivated code analysis.
 */
// [impl->dsn~structural-coverage~1]
public final class CoverageAnalysis {
    private CoverageAnalysis() {
    }

    /** What the imports of a snapshot and configuration gave: the data sets, and what was listed but not counted. */
    public record Imported(List<DataSet> dataSets, List<String> notInSnapshot, List<String> unmapped,
            List<CoverageProblem> problems) {
        public static final Imported NONE = new Imported(List.of(), List.of(), List.of(), List.of());

        public Imported {
            dataSets = List.copyOf(dataSets);
            notInSnapshot = List.copyOf(notInSnapshot);
            unmapped = List.copyOf(unmapped);
            problems = List.copyOf(problems);
        }

        /** The imports, each with the test run it came from; refused ones only add their problems. */
        public static Imported of(List<Map.Entry<String, CoverageImport>> imports) {
            List<DataSet> sets = new ArrayList<>();
            Set<String> notIn = new TreeSet<>();
            Set<String> unmapped = new TreeSet<>();
            List<CoverageProblem> problems = new ArrayList<>();
            for (Map.Entry<String, CoverageImport> e : imports) {
                CoverageImport i = e.getValue();
                i.source().ifPresent(s -> sets.add(new DataSet(e.getKey(), s, i.data())));
                notIn.addAll(i.notInSnapshot());
                unmapped.addAll(i.unmapped());
                problems.addAll(i.problems());
            }
            return new Imported(sets, List.copyOf(notIn), List.copyOf(unmapped), problems);
        }
    }

    public static CoverageReport analyse(String commit, LinkedSpecification linked, ConfigurationTrace configuration,
            Imported imported, DesignAssuranceLevel level) {
        FunctionIndex index = linked.index();
        CoverageData all = CoverageData.merge(imported.dataSets().stream().map(DataSet::data).toList());
        Map<String, FileSloc> compiled = new HashMap<>();
        configuration.coverage().files().forEach(f -> compiled.put(f.path(), f));
        ConfigurationAnalysis sloc = new ConfigurationAnalysis();
        Map<String, Map<SourceFunction, Integer>> functionSloc = new HashMap<>();

        List<FileFigures> files = new ArrayList<>();
        List<FunctionFigures> functions = new ArrayList<>();
        Map<String, Object[]> dirs = new TreeMap<>();
        for (FileCoverage fc : all.files().values()) {
            FileSloc cs = compiled.get(fc.path());
            CoverageCounts ff = CoverageCounts.of(fc);
            files.add(new FileFigures(fc.path(), cs != null, cs == null ? 0 : cs.code(), ff));
            Object[] d = dirs.computeIfAbsent(directoryOf(fc.path()), k -> new Object[] {0, CoverageCounts.ZERO});
            d[0] = (Integer) d[0] + 1;
            d[1] = ((CoverageCounts) d[1]).plus(ff);
            Map<SourceFunction, Integer> fs = functionSloc.computeIfAbsent(fc.path(), p -> sloc.functionCode(index, p));
            for (SourceFunction f : index.functions(fc.path())) {
                functions.add(function(f, Optional.of(fc), cs != null, fs.getOrDefault(f, 0)));
            }
        }
        List<DirectoryFigures> directories = new ArrayList<>();
        dirs.forEach((dir, d) -> directories.add(new DirectoryFigures(dir, (Integer) d[0], (CoverageCounts) d[1])));

        CompiledFigures compiledFigures = compiled(configuration, all, index, sloc, functionSloc, functions);
        List<CriterionResult> criteria = new ArrayList<>();
        for (Criterion c : Criterion.required(level)) {
            Counter counter = c.of(compiledFigures.figures());
            criteria.add(new CriterionResult(c, counter, counter.total() > 0));
        }
        List<RequirementFigures> requirements = requirements(linked, configuration, imported.dataSets(), all,
                compiled.keySet());
        return new CoverageReport(commit, configuration.name(), level,
                imported.dataSets().stream().map(s -> new DataSetSummary(s.test(), s.source())).toList(), files,
                functions, directories, requirements, compiledFigures, criteria, imported.notInSnapshot(),
                imported.unmapped(), imported.problems());
    }

    private static CompiledFigures compiled(ConfigurationTrace configuration, CoverageData all, FunctionIndex index,
            ConfigurationAnalysis sloc, Map<String, Map<SourceFunction, Integer>> functionSloc,
            List<FunctionFigures> functionsWithData) {
        Map<String, FunctionFigures> known = new HashMap<>();
        functionsWithData.forEach(f -> known.put(f.path() + ":" + f.startLine() + ":" + f.name(), f));
        int withData = 0;
        long slocTotal = 0;
        long slocWithData = 0;
        CoverageCounts figures = CoverageCounts.ZERO;
        List<FunctionFigures> never = new ArrayList<>();
        for (FileSloc f : configuration.coverage().files()) {
            slocTotal += f.code();
            Optional<FileCoverage> fc = all.file(f.path());
            if (fc.isPresent()) {
                withData++;
                slocWithData += f.code();
                figures = figures.plus(CoverageCounts.of(fc.get()));
            }
            Map<SourceFunction, Integer> fs = functionSloc.computeIfAbsent(f.path(), p -> sloc.functionCode(index, p));
            for (SourceFunction sf : index.functions(f.path())) {
                FunctionFigures ff = known.get(sf.path() + ":" + sf.startLine() + ":" + sf.name());
                if (ff == null) {
                    ff = function(sf, fc, true, fs.getOrDefault(sf, 0));
                }
                if (!ff.called() && ff.figures().lines().covered() == 0) {
                    never.add(ff);
                }
            }
        }
        never.sort(Comparator.comparingInt(FunctionFigures::sloc).reversed().thenComparing(FunctionFigures::path)
                .thenComparingInt(FunctionFigures::startLine));
        Map<String, long[]> byDir = new TreeMap<>();
        for (FunctionFigures f : never) {
            long[] d = byDir.computeIfAbsent(f.directory(), k -> new long[2]);
            d[0]++;
            d[1] += f.sloc();
        }
        List<NeverExecutedDirectory> dirs = new ArrayList<>();
        byDir.forEach((dir, d) -> dirs.add(new NeverExecutedDirectory(dir, (int) d[0], d[1])));
        return new CompiledFigures(configuration.coverage().files().size(), slocTotal, withData, slocWithData, figures,
                never, dirs);
    }

    private static FunctionFigures function(SourceFunction f, Optional<FileCoverage> data, boolean compiled, int sloc) {
        if (data.isEmpty()) {
            return new FunctionFigures(f.path(), f.name(), f.startLine(), f.endLine(), compiled, sloc, false,
                    CoverageCounts.ZERO);
        }
        FileCoverage fc = data.get();
        long named = 0;
        long called = 0;
        for (FunctionRecord r : fc.functions()) {
            if (f.contains(r.line())) {
                named++;
                if (r.calls() > 0) {
                    called++;
                }
            }
        }
        Counter lines = fc.lines(f.startLine(), f.endLine());
        boolean wasCalled = named > 0 ? called > 0 : lines.covered() > 0;
        CoverageCounts figures = new CoverageCounts(lines, fc.branches(f.startLine(), f.endLine()),
                fc.conditions(f.startLine(), f.endLine()), new Counter(named, called));
        return new FunctionFigures(f.path(), f.name(), f.startLine(), f.endLine(), compiled, sloc, wasCalled, figures);
    }

    private static List<RequirementFigures> requirements(LinkedSpecification linked, ConfigurationTrace configuration,
            List<DataSet> dataSets, CoverageData all, Set<String> compiledFiles) {
        TraceGraph graph = linked.graph();
        FunctionIndex index = linked.index();
        Map<SpecificationItemId, TracedItem> items = new HashMap<>();
        graph.trace().items().forEach(t -> items.put(t.id(), t));
        Map<SpecificationItemId, SpecificationItem> tags = new HashMap<>();
        graph.tagItems().forEach(t -> tags.put(t.id(), t));
        Map<SpecificationItemId, ResolvedCodeLink> codeLinks = new HashMap<>();
        graph.links().code().forEach(l -> codeLinks.put(l.item().id(), l));
        Map<SpecificationItemId, List<TestLink>> testLinks = new HashMap<>();
        graph.links().tests().forEach(t -> testLinks.computeIfAbsent(t.requirement(), k -> new ArrayList<>()).add(t));
        Set<SpecificationItemId> applicable = configuration.coverage().applicable();

        List<RequirementFigures> out = new ArrayList<>();
        List<TracedItem> requirements = linked.requirements().stream().filter(t -> applicable.contains(t.id()))
                .filter(t -> TraceLevel.of(t.item().type()) != TraceLevel.CODE
                        && TraceLevel.of(t.item().type()) != TraceLevel.TEST)
                .sorted(Comparator.comparing(TracedItem::id)).toList();
        for (TracedItem req : requirements) {
            Set<SourceFunction> functions = new LinkedHashSet<>();
            Set<String> testNames = new TreeSet<>();
            Set<String> testPaths = new TreeSet<>();
            Set<SpecificationItemId> seen = new HashSet<>();
            ArrayDeque<SpecificationItemId> todo = new ArrayDeque<>(List.of(req.id()));
            while (!todo.isEmpty()) {
                SpecificationItemId id = todo.poll();
                if (!seen.add(id)) {
                    continue;
                }
                for (TestLink t : testLinks.getOrDefault(id, List.of())) {
                    testNames.add(t.name());
                    testPaths.add(t.path());
                }
                SpecificationItem tag = tags.get(id);
                if (tag != null) {
                    if (TraceLevel.of(tag.type()) == TraceLevel.TEST) {
                        testNames.add(tag.id().name());
                        testPaths.add(tag.location().path());
                    } else {
                        index.at(tag.location().path(), tag.location().line()).ifPresent(functions::add);
                    }
                }
                ResolvedCodeLink link = codeLinks.get(id);
                if (link != null) {
                    functions.addAll(link.functions());
                }
                TracedItem t = items.get(id);
                if (t != null) {
                    todo.addAll(t.coveredBy());
                }
            }
            List<SourceFunction> inCompiled = functions.stream().filter(f -> compiledFiles.contains(f.path()))
                    .sorted(Comparator.comparing(SourceFunction::path).thenComparingInt(SourceFunction::startLine))
                    .toList();
            if (inCompiled.isEmpty()) {
                continue;
            }
            List<DataSet> own = dataSets.stream().filter(d -> matches(d.test(), testNames, testPaths)).toList();
            CoverageData ownData = CoverageData.merge(own.stream().map(DataSet::data).toList());
            Set<String> tests = new TreeSet<>(testNames);
            tests.addAll(testPaths);
            out.add(new RequirementFigures(req.id().toString(), req.item().type(), req.item().title(),
                    List.copyOf(tests), own.stream().map(d -> d.test() + " (" + d.source().name() + ")").toList(),
                    inCompiled.stream().map(f -> new FunctionRef(f.path(), f.name(), f.startLine())).toList(),
                    sum(inCompiled, ownData), sum(inCompiled, all)));
        }
        return out;
    }

    private static CoverageCounts sum(List<SourceFunction> functions, CoverageData data) {
        CoverageCounts total = CoverageCounts.ZERO;
        for (SourceFunction f : functions) {
            total = total.plus(function(f, data.file(f.path()), true, 0).figures());
        }
        return total;
    }

    /** Whether a data set's test run names one of the tests: a name, a file, or a folder holding a test's file. */
    static boolean matches(String test, Set<String> names, Set<String> paths) {
        String t = test.strip();
        while (t.endsWith("/") && t.length() > 1) {
            t = t.substring(0, t.length() - 1);
        }
        if (t.isEmpty()) {
            return false;
        }
        if (names.contains(t) || paths.contains(t)) {
            return true;
        }
        for (String p : paths) {
            if (p.startsWith(t + "/")) {
                return true;
            }
        }
        return false;
    }

    /** The folder of a path, with its trailing slash, as the SLOC pages name directories ({@code ""} at the root). */
    public static String directoryOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash + 1);
    }
}
