package org.xenfusa.coverage;

import java.util.List;
import java.util.Optional;

import org.xenfusa.sloc.effort.DesignAssuranceLevel;

/**
 * The structural coverage of one snapshot in one configuration, from the data sets imported for them: what every page,
 * command and document renders (made only by {@link CoverageAnalysis}).
 *
 * @param files        every snapshot file the data covers, with gcovr's figures and whether the configuration compiles it
 * @param functions    the functions (as trace-linker's function index finds them) of those files
 * @param directories  the files' figures per directory
 * @param requirements per requirement that applies in the configuration and has code: its functions' coverage by its
 *                     own tests and by all tests
 * @param compiled     the configuration's compiled code only
 * @param criteria     per criterion the target level asks for: the figure over the compiled code
 */
public record CoverageReport(String commit, String configuration, DesignAssuranceLevel level, List<DataSetSummary> dataSets,
        List<FileFigures> files, List<FunctionFigures> functions, List<DirectoryFigures> directories,
        List<RequirementFigures> requirements, CompiledFigures compiled, List<CriterionResult> criteria,
        List<String> notInSnapshot, List<String> unmapped, List<CoverageProblem> problems) {
    public CoverageReport {
        dataSets = List.copyOf(dataSets);
        files = List.copyOf(files);
        functions = List.copyOf(functions);
        directories = List.copyOf(directories);
        requirements = List.copyOf(requirements);
        criteria = List.copyOf(criteria);
        notInSnapshot = List.copyOf(notInSnapshot);
        unmapped = List.copyOf(unmapped);
        problems = List.copyOf(problems);
    }

    /** A data set as read: the run it came from and its file (name, format, tool, hash). */
    public record DataSetSummary(String test, DataSource source) {
    }

    public record FileFigures(String path, boolean compiled, int sloc, CoverageCounts figures) {
    }

    /** A function's lines, branches and conditions between its first and last line; {@code called} from the data. */
    public record FunctionFigures(String path, String name, int startLine, int endLine, boolean compiled, int sloc,
            boolean called, CoverageCounts figures) {
        public String directory() {
            return CoverageAnalysis.directoryOf(path);
        }
    }

    public record DirectoryFigures(String directory, int files, CoverageCounts figures) {
    }

    /**
     * @param tests       the requirement's tests (test links and test tags, of it and of the items below it)
     * @param dataSets    the data sets of those tests (their {@code test} names one of them)
     * @param functions   the functions code links and tags place under the requirement, in compiled files
     * @param byItsTests  those functions' coverage by {@code dataSets} only: requirements-based coverage
     * @param byAllTests  their coverage by every data set
     */
    public record RequirementFigures(String id, String type, String title, List<String> tests, List<String> dataSets,
            List<FunctionRef> functions, CoverageCounts byItsTests, CoverageCounts byAllTests) {
        public RequirementFigures {
            tests = List.copyOf(tests);
            dataSets = List.copyOf(dataSets);
            functions = List.copyOf(functions);
        }
    }

    public record FunctionRef(String path, String name, int startLine) {
    }

    /**
     * The compiled code: {@code files} compiled files with {@code sloc} cloc code lines, of which {@code filesWithData}
     * with {@code slocWithData} have coverage data at all; their figures; the compiled functions no test executed (no
     * line of theirs ran, or their file has no data), largest first, and per directory.
     */
    public record CompiledFigures(int files, long sloc, int filesWithData, long slocWithData, CoverageCounts figures,
            List<FunctionFigures> neverExecuted, List<NeverExecutedDirectory> neverExecutedByDirectory) {
        public CompiledFigures {
            neverExecuted = List.copyOf(neverExecuted);
            neverExecutedByDirectory = List.copyOf(neverExecutedByDirectory);
        }

        /** The share of compiled SLOC that has any coverage data, in percent ({@code NaN} with no compiled code). */
        public double slocWithDataPercent() {
            return sloc == 0 ? Double.NaN : 100.0 * slocWithData / sloc;
        }
    }

    public record NeverExecutedDirectory(String directory, int functions, long sloc) {
    }

    /** A criterion the level asks for and its figure over the compiled code; unmeasured when no data has it. */
    public record CriterionResult(Criterion criterion, Counter counter, boolean measured) {
    }

    public Optional<RequirementFigures> requirement(String id) {
        return requirements.stream().filter(r -> r.id().equals(id)).findFirst();
    }
}
