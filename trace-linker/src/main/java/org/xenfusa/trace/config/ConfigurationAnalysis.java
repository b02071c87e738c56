package org.xenfusa.trace.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.xenfusa.sloc.count.ClocCounter;
import org.xenfusa.sloc.count.FileCount;
import org.xenfusa.sloc.kbuild.CompiledFileSet;
import org.xenfusa.sloc.tree.SourceFile;
import org.xenfusa.trace.evidence.RequirementVerification;
import org.xenfusa.trace.evidence.VerificationState;
import org.xenfusa.trace.function.FunctionIndex;
import org.xenfusa.trace.function.SourceFunction;
import org.xenfusa.trace.graph.DeepCoverage;
import org.xenfusa.trace.graph.TraceGraph;
import org.xenfusa.trace.graph.TracedItem;
import org.xenfusa.trace.link.ResolvedCodeLink;
import org.xenfusa.trace.spec.SpecificationItem;
import org.xenfusa.trace.spec.SpecificationItemId;
import org.xenfusa.trace.spec.TextLines;

/**
 * Traceability of one configuration, beyond OFT. A code item (a link or a tag) applies when its
 * function's file is compiled; an item applies when an applicable item covers it, so design,
 * product and market requirements apply through the code that implements them. A compiled
 * function is traced when a link names it or a tag sits in it or in the comment above it.
 * <p>
 * SLOC are cloc's code lines: a file's figure is {@link ClocCounter}'s; a function's is
 * {@code ClocCounter.countAs(file language, lines start..end)}, the function's own lines counted
 * alone with the file's language (a function starts at a token, never inside a comment, so the
 * slice is counted as cloc counts those lines in the file). Untraced code of a file is its code
 * minus its traced functions' code, so it includes code outside any function (tables, globals).
 */
// [impl->dsn~configuration-coverage~1]
public final class ConfigurationAnalysis {
    private final ClocCounter counter = new ClocCounter();

    /** The configuration as {@code make cloc} sees it: the files of its cloc list. */
    public ConfigurationCoverage analyse(TraceGraph graph, FunctionIndex index, CompiledFileSet compiled,
            Map<SpecificationItemId, RequirementVerification> verification) {
        return analyse(graph, index, compiled.makeClocList(), verification);
    }

    /** The configuration given as the list of its compiled files (paths relative to the tree's root). */
    public ConfigurationCoverage analyse(TraceGraph graph, FunctionIndex index, Collection<String> compiledFiles,
            Map<SpecificationItemId, RequirementVerification> verification) {
        return analyse(graph, index, compiledFiles, verification, Set.of(), Set.of());
    }

    /**
     * As {@link #analyse(TraceGraph, FunctionIndex, Collection, Map)}, with what a trace policy decided: items in
     * {@code applies} apply whatever code is compiled, items in {@code notApplicable} do not apply whatever code is.
     */
    public ConfigurationCoverage analyse(TraceGraph graph, FunctionIndex index, Collection<String> compiledFiles,
            Map<SpecificationItemId, RequirementVerification> verification, Set<SpecificationItemId> applies,
            Set<SpecificationItemId> notApplicable) {
        Set<String> compiled = new HashSet<>(compiledFiles);
        Map<String, Set<String>> tracedFunctions = new HashMap<>();
        Set<SpecificationItemId> applicable = new HashSet<>();
        for (ResolvedCodeLink l : graph.links().code()) {
            for (SourceFunction f : l.functions()) {
                tracedFunctions.computeIfAbsent(f.path(), k -> new HashSet<>()).add(key(f));
                if (compiled.contains(f.path())) {
                    applicable.add(l.item().id());
                }
            }
        }
        for (SpecificationItem tag : graph.tagItems()) {
            String path = tag.location().path();
            Optional<SourceFunction> f = index.at(path, tag.location().line());
            f.ifPresent(fn -> tracedFunctions.computeIfAbsent(path, k -> new HashSet<>()).add(key(fn)));
            if (compiled.contains(path)) {
                applicable.add(tag.id());
            }
        }
        propagateUp(graph, applicable);
        Set<SpecificationItemId> reached = Set.copyOf(applicable);
        applicable.addAll(applies);
        applicable.removeAll(notApplicable);

        List<FileSloc> files = new ArrayList<>();
        List<FunctionSloc> untraced = new ArrayList<>();
        Map<String, int[]> dirs = new TreeMap<>();
        int total = 0;
        int traced = 0;
        for (String path : compiled.stream().sorted().toList()) {
            Optional<SourceFile> sf = index.tree().file(path);
            if (sf.isEmpty()) {
                continue; // generated at build time: not in the tree
            }
            byte[] content = read(index, sf.get());
            FileCount fc = counter.count(path, content);
            if (!fc.isCounted()) {
                continue;
            }
            List<String> lines = TextLines.of(content);
            int fileTraced = 0;
            Set<String> tracedHere = tracedFunctions.getOrDefault(path, Set.of());
            for (SourceFunction f : index.functions(path)) {
                int code = functionCode(fc.language(), lines, f);
                if (tracedHere.contains(key(f))) {
                    fileTraced += code;
                } else {
                    untraced.add(new FunctionSloc(path, f.name(), f.startLine(), f.endLine(), code, false));
                }
            }
            fileTraced = Math.min(fileTraced, fc.code());
            files.add(new FileSloc(path, fc.code(), fileTraced, fc.code() - fileTraced));
            int slash = path.lastIndexOf('/');
            int[] d = dirs.computeIfAbsent(slash < 0 ? "" : path.substring(0, slash + 1), k -> new int[3]);
            d[0]++;
            d[1] += fc.code();
            d[2] += fileTraced;
            total += fc.code();
            traced += fileTraced;
        }
        untraced.sort(Comparator.comparingInt(FunctionSloc::code).reversed().thenComparing(FunctionSloc::path)
                .thenComparingInt(FunctionSloc::startLine));
        List<DirectorySloc> directories = new ArrayList<>();
        dirs.forEach((dir, d) -> directories.add(new DirectorySloc(dir, d[0], d[1], d[2], d[1] - d[2])));
        return new ConfigurationCoverage(applicable, reached, levels(graph, applicable, verification), files.size(), total,
                traced, total - traced, directories, files, untraced);
    }

    private static String key(SourceFunction f) {
        return f.name() + ":" + f.startLine();
    }

    /** Items covered by an applicable item apply too: code makes its design apply, design its product. */
    private static void propagateUp(TraceGraph graph, Set<SpecificationItemId> applicable) {
        Map<SpecificationItemId, List<SpecificationItemId>> covers = new HashMap<>();
        for (TracedItem t : graph.trace().items()) {
            covers.computeIfAbsent(t.id(), k -> new ArrayList<>()).addAll(t.item().covers());
        }
        ArrayDeque<SpecificationItemId> todo = new ArrayDeque<>(applicable);
        while (!todo.isEmpty()) {
            for (SpecificationItemId up : covers.getOrDefault(todo.poll(), List.of())) {
                if (covers.containsKey(up) && applicable.add(up)) {
                    todo.add(up);
                }
            }
        }
    }

    private static List<LevelCoverage> levels(TraceGraph graph, Set<SpecificationItemId> applicable,
            Map<SpecificationItemId, RequirementVerification> verification) {
        Map<TraceLevel, int[]> counts = new EnumMap<>(TraceLevel.class);
        for (TraceLevel l : TraceLevel.values()) {
            counts.put(l, new int[4]);
        }
        for (TracedItem t : graph.trace().items()) {
            int[] c = counts.get(TraceLevel.of(t.item().type()));
            c[0]++;
            if (applicable.contains(t.id())) {
                c[1]++;
                if (t.deepCoverage() == DeepCoverage.COVERED && t.coveredShallow()) {
                    c[2]++;
                }
                RequirementVerification v = verification.get(t.id());
                if (v != null && v.state() == VerificationState.VERIFIED) {
                    c[3]++;
                }
            }
        }
        List<LevelCoverage> out = new ArrayList<>();
        counts.forEach((level, c) -> out.add(new LevelCoverage(level, c[0], c[1], c[2], c[3])));
        return out;
    }

    /**
     * The cloc code lines of each function of {@code path} (in the index's order), counted as the untraced functions of
     * a configuration are: the function's own lines alone, with the file's language. Empty when cloc does not count the
     * file or the tree does not have it.
     */
    public Map<SourceFunction, Integer> functionCode(FunctionIndex index, String path) {
        Optional<SourceFile> sf = index.tree().file(path);
        if (sf.isEmpty()) {
            return Map.of();
        }
        byte[] content = read(index, sf.get());
        FileCount fc = counter.count(path, content);
        if (!fc.isCounted()) {
            return Map.of();
        }
        List<String> lines = TextLines.of(content);
        Map<SourceFunction, Integer> out = new java.util.LinkedHashMap<>();
        for (SourceFunction f : index.functions(path)) {
            out.put(f, functionCode(fc.language(), lines, f));
        }
        return out;
    }

    private int functionCode(String language, List<String> lines, SourceFunction f) {
        StringBuilder b = new StringBuilder();
        for (int i = f.startLine(); i <= f.endLine() && i <= lines.size(); i++) {
            b.append(lines.get(i - 1)).append('\n');
        }
        return counter.countAs(language, b.toString().getBytes(StandardCharsets.UTF_8)).code();
    }

    private static byte[] read(FunctionIndex index, SourceFile f) {
        try {
            return index.tree().read(f);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f.path(), e);
        }
    }
}
