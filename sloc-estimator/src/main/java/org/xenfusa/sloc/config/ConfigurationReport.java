package org.xenfusa.sloc.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import org.xenfusa.sloc.count.LanguageTotals;
import org.xenfusa.sloc.kbuild.LineActivity;
import org.xenfusa.sloc.xen.XenArch;

/**
 * What one configuration of one commit compiles, in three figures per file, per directory and in
 * total: (1) {@code makeCloc}, what Xen's {@code make cloc} prints after a real build (the
 * compiled and {@code #include}d {@code .c}/{@code .S} files, byte-identical files once);
 * (2) {@code withHeaders}, the same plus every tracked header the compiled files reach (generated
 * headers are named in {@code generated}, not counted); (3) {@code activeLines}, over the files of
 * (2), the lines the preprocessor keeps for this configuration (an undecidable {@code #if} keeps its
 * lines and adds to {@code undecidedConditions}).
 *
 * @param commit           the commit read, empty for a folder
 * @param dotConfig        the {@code .config} text, byte for byte as Xen's kconfig writes it
 * @param dotConfigSha256  SHA-256 of {@code dotConfig} (hex), to name the configuration in evidence
 * @param values           every symbol the {@code .config} states ({@code n} for "is not set")
 * @param makeClocLanguages {@code makeCloc} per language, as cloc prints it
 * @param directories      rows per directory (see {@link org.xenfusa.sloc.report.DirectoryGrouping}), by name
 * @param files            every source and tracked header, with its figures, by path
 * @param compiledFiles    the list make cloc gives to cloc (before its duplicate rule), sorted
 * @param translationUnits the compiled {@code .c}/{@code .S} files, sorted
 * @param headers          every header reached, generated ones included, sorted
 * @param generated        files the build makes, and how each is counted
 * @param lineActivity     per path, which lines of each file read the preprocessor keeps
 */
// [impl->dsn~configuration-report~1]
public record ConfigurationReport(String commit, XenArch arch, String toolchain, ConfigurationRequest request,
        String dotConfig, String dotConfigSha256, Map<String, String> values, LineFigures makeCloc,
        LineFigures withHeaders, LineFigures activeLines, List<LanguageTotals> makeClocLanguages,
        List<DirectoryFigures> directories, List<FileFigures> files, List<String> compiledFiles,
        List<String> translationUnits, List<String> headers, List<GeneratedFile> generated,
        List<ReportWarning> warnings, int undecidedConditions, Map<String, LineActivity> lineActivity) {

    public ConfigurationReport {
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(arch, "arch");
        Objects.requireNonNull(toolchain, "toolchain");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(dotConfig, "dotConfig");
        Objects.requireNonNull(dotConfigSha256, "dotConfigSha256");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        Objects.requireNonNull(makeCloc, "makeCloc");
        Objects.requireNonNull(withHeaders, "withHeaders");
        Objects.requireNonNull(activeLines, "activeLines");
        makeClocLanguages = List.copyOf(makeClocLanguages);
        directories = List.copyOf(directories);
        files = List.copyOf(files);
        compiledFiles = List.copyOf(compiledFiles);
        translationUnits = List.copyOf(translationUnits);
        headers = List.copyOf(headers);
        generated = List.copyOf(generated);
        warnings = List.copyOf(warnings);
        lineActivity = Collections.unmodifiableMap(new TreeMap<>(lineActivity));
    }

    public Optional<FileFigures> file(String path) {
        return files.stream().filter(f -> f.path().equals(path)).findFirst();
    }

    public Optional<DirectoryFigures> directory(String name) {
        return directories.stream().filter(d -> d.directory().equals(name)).findFirst();
    }

    /** Which lines of {@code path} are active; every line when the preprocessor skipped none of it. */
    public Optional<LineActivity> activity(String path) {
        return Optional.ofNullable(lineActivity.get(path));
    }

    /** Whether any figure was computed despite a warning (every page and export marks it so). */
    public boolean hasWarnings() {
        return !warnings.isEmpty();
    }

    /** A symbol's value as the {@code .config} states it ({@code n} when not written). */
    public String value(String symbol) {
        String key = symbol.startsWith("CONFIG_") ? symbol : "CONFIG_" + symbol;
        return values.getOrDefault(key, "n");
    }
}
