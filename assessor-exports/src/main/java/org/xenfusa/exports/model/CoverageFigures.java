package org.xenfusa.exports.model;

import java.util.List;
import java.util.Objects;

import org.xenfusa.coverage.Criterion;
import org.xenfusa.sloc.effort.DesignAssuranceLevel;

/**
 * The structural coverage evidence of one configuration as the documents show it: coverage-evidence's
 * {@code CoverageReport} rendered as rows by the {@code EvidenceAssembler} (every figure is the report's, never
 * recomputed here).
 *
 * @param level         the level the configuration targets, which decides the criteria
 * @param dataSets      the coverage data files the figures were made from (each carried in the evidence package)
 * @param compiled      the configuration's compiled code: its figures over the files with data, and how much of it has
 *                      data at all
 * @param criteria      per criterion the level asks for ({@code Criterion.required}): its figure over the compiled code
 * @param directories   per directory of the files with data
 * @param requirements  per requirement with code: its functions' coverage by its own tests and by all tests
 * @param neverExecuted every compiled function no test executed, largest first (candidates for dead or deactivated
 *                      code analysis)
 * @param notInSnapshot files the data covers that the snapshot does not have (listed by the importer, not counted)
 * @param unmapped      absolute build paths of the data no path map entry placed (not counted)
 * @param problems      what was not used from the data and why (the importer's words)
 */
public record CoverageFigures(String configuration, String commit, DesignAssuranceLevel level, List<DataSet> dataSets,
        Compiled compiled, List<CriterionFigure> criteria, List<Directory> directories, List<Requirement> requirements,
        List<NeverExecuted> neverExecuted, int notInSnapshot, int unmapped, List<String> problems) {
    public CoverageFigures {
        configuration = Copies.required(configuration, "coverage configuration");
        commit = Copies.text(commit);
        Objects.requireNonNull(level, "coverage level");
        Objects.requireNonNull(compiled, "coverage of the compiled code");
        dataSets = Copies.list(dataSets);
        criteria = Copies.list(criteria);
        directories = Copies.list(directories);
        requirements = Copies.list(requirements);
        neverExecuted = Copies.list(neverExecuted);
        problems = Copies.list(problems);
    }

    /** Whether any data set was given for the configuration. */
    public boolean hasData() {
        return !dataSets.isEmpty();
    }

    /** The figure of a criterion when the level asks for it. */
    public java.util.Optional<CriterionFigure> criterion(Criterion c) {
        return criteria.stream().filter(f -> f.criterion() == c).findFirst();
    }

    /** One data file: the test run it came from, its name, format, tool, and the SHA-256 and size of its bytes. */
    public record DataSet(String test, String name, String format, String tool, String toolVersion, String sha256,
            long bytes, int files) {
    }

    /** How many items there are and how many a test reached. */
    public record Count(long total, long covered) {
        /** Covered over total in percent, {@code NaN} when there is nothing to cover. */
        public double percent() {
            return total == 0 ? Double.NaN : 100.0 * covered / total;
        }
    }

    /** Lines (statements), branches (decisions), condition outcomes (MC/DC) and functions. */
    public record Measures(Count lines, Count branches, Count conditions, Count functions) {
    }

    /**
     * The compiled code: {@code files} compiled files of {@code sloc} cloc code lines, of which {@code filesWithData}
     * files of {@code slocWithData} lines have coverage data; {@code figures} over those files.
     */
    public record Compiled(int files, long sloc, int filesWithData, long slocWithData, Measures figures) {
        /** The share of compiled SLOC with any coverage data, in percent ({@code NaN} without compiled code). */
        public double slocWithDataPercent() {
            return sloc == 0 ? Double.NaN : 100.0 * slocWithData / sloc;
        }
    }

    /** A criterion the level asks for: its figure over the compiled code; not {@code measured} when no data has it. */
    public record CriterionFigure(Criterion criterion, boolean measured, long total, long covered) {
        public double percent() {
            return total == 0 ? Double.NaN : 100.0 * covered / total;
        }
    }

    public record Directory(String directory, int files, Measures figures) {
    }

    /**
     * @param tests      the requirement's tests (test links and test tags)
     * @param dataSets   the data sets of those tests
     * @param functions  how many compiled functions code links and tags place under it
     * @param byItsTests requirements-based coverage: its functions by its tests' data sets only
     * @param byAllTests its functions by every data set
     */
    public record Requirement(String id, String type, String title, List<String> tests, List<String> dataSets,
            int functions, Measures byItsTests, Measures byAllTests) {
        public Requirement {
            tests = Copies.list(tests);
            dataSets = Copies.list(dataSets);
        }
    }

    /** A compiled function no test executed; {@code withData} when the data has lines of it (else: no data at all). */
    public record NeverExecuted(String path, String name, int line, int sloc, boolean withData) {
    }
}
