package org.xenfusa.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.xenfusa.sloc.config.ConfigurationDiff;
import org.xenfusa.sloc.config.ConfigurationReport;
import org.xenfusa.sloc.config.DirectoryFigures;
import org.xenfusa.sloc.config.FileFigures;
import org.xenfusa.sloc.config.LineFigures;
import org.xenfusa.sloc.config.OptionCost;
import org.xenfusa.sloc.config.ReportWarning;
import org.xenfusa.sloc.effort.Asil;
import org.xenfusa.sloc.effort.DesignAssuranceLevel;
import org.xenfusa.sloc.effort.EffortEstimate;
import org.xenfusa.sloc.effort.EffortModel;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What {@code fusa config-sloc --json} prints: a configuration report as records, written by Jackson in the order of
 * their components. {@code configuration} is the configuration's name as pages and documents give it
 * ({@code x86_64-defconfig + HVM=n}); {@code diff} and {@code ranking} appear only when asked for.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ConfigSlocJson(String commit, String arch, String configuration, String toolchain, String dotConfigSha256,
        Figures makeCloc, Figures withHeaders, Figures activeLines, List<String> compiledFiles, List<String> headers,
        List<Generated> generated, Map<String, Directory> directories, List<File> files, Map<String, Effort> effort,
        Model effortModel, List<String> warnings, int undecidedConditions, Diff diff, List<OptionCost> ranking) {

    record Figures(int files, long blank, long comment, long code) {
        static Figures of(LineFigures f) {
            return new Figures(f.files(), f.blank(), f.comment(), f.code());
        }
    }

    record Generated(String path, String role, String kind, String from, boolean counted) {
    }

    record Directory(Figures makeCloc, Figures withHeaders, Figures activeLines) {
        static Directory of(DirectoryFigures d) {
            return new Directory(Figures.of(d.makeCloc()), Figures.of(d.withHeaders()), Figures.of(d.activeLines()));
        }
    }

    /** {@code duplicateOf} only for a file cloc counts once under another path. */
    record File(String path, String role, String language, long blank, long comment, long code, long activeCode,
            boolean counted, @JsonInclude(JsonInclude.Include.NON_NULL) String duplicateOf) {
    }

    record Effort(double hours, double personYears, boolean interpolated) {
    }

    record Model(String name, String description, String figure, double hoursPerPersonYear, Map<String, String> asilToDal) {
    }

    record Diff(List<String> sourcesAdded, List<String> sourcesRemoved, List<String> headersAdded,
            List<String> headersRemoved, Figures makeCloc, Figures withHeaders, Figures activeLines,
            Map<String, Directory> directories, List<ConfigurationDiff.SymbolChange> symbols, Map<String, Effort> effort) {
    }

    static ConfigSlocJson of(ConfigurationReport r, EffortModel model) {
        Map<String, Directory> directories = new LinkedHashMap<>();
        r.directories().forEach(d -> directories.put(d.directory(), Directory.of(d)));
        Map<String, String> asil = new LinkedHashMap<>();
        for (Asil a : Asil.values()) {
            asil.put(a.name(), model.levelOf(a).name());
        }
        return new ConfigSlocJson(r.commit(), r.arch().targetArch(), r.request().label(), r.toolchain(),
                r.dotConfigSha256(), Figures.of(r.makeCloc()), Figures.of(r.withHeaders()), Figures.of(r.activeLines()),
                r.compiledFiles(), r.headers(),
                r.generated().stream().map(g -> new Generated(g.path(), lower(g.role()), lower(g.kind()), g.from(),
                        g.counted())).toList(),
                directories, r.files().stream().map(ConfigSlocJson::file).toList(), effort(model.estimates(r)),
                new Model(model.name(), model.description(), model.figure().name(), model.hoursPerPersonYear(), asil),
                r.warnings().stream().map(ReportWarning::toString).toList(), r.undecidedConditions(), null, null);
    }

    ConfigSlocJson withDiff(ConfigurationDiff d, Map<DesignAssuranceLevel, EffortEstimate> delta) {
        Map<String, Directory> dirs = new LinkedHashMap<>();
        d.directories().forEach(x -> dirs.put(x.directory(), Directory.of(x)));
        Diff diff = new Diff(d.sourcesAdded(), d.sourcesRemoved(), d.headersAdded(), d.headersRemoved(),
                Figures.of(d.makeCloc()), Figures.of(d.withHeaders()), Figures.of(d.activeLines()), dirs, d.symbols(),
                effort(delta));
        return new ConfigSlocJson(commit, arch, configuration, toolchain, dotConfigSha256, makeCloc, withHeaders,
                activeLines, compiledFiles, headers, generated, directories, files, effort, effortModel, warnings,
                undecidedConditions, diff, ranking);
    }

    ConfigSlocJson withRanking(List<OptionCost> costs) {
        return new ConfigSlocJson(commit, arch, configuration, toolchain, dotConfigSha256, makeCloc, withHeaders,
                activeLines, compiledFiles, headers, generated, directories, files, effort, effortModel, warnings,
                undecidedConditions, diff, costs);
    }

    private static File file(FileFigures f) {
        return new File(f.path(), lower(f.role()), f.count().language(), f.count().blank(), f.count().comment(),
                f.count().code(), f.active().code(), f.counted(), f.duplicateOf().orElse(null));
    }

    private static Map<String, Effort> effort(Map<DesignAssuranceLevel, EffortEstimate> estimates) {
        Map<String, Effort> out = new LinkedHashMap<>();
        estimates.forEach((level, e) -> out.put(level.name(), new Effort(e.hours(), e.personYears(), e.interpolated())));
        return out;
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
