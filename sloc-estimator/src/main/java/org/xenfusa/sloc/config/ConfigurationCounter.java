package org.xenfusa.sloc.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.xenfusa.sloc.count.ClocCounter;
import org.xenfusa.sloc.count.ClocSummary;
import org.xenfusa.sloc.count.CountedFile;
import org.xenfusa.sloc.count.FileCount;
import org.xenfusa.sloc.kbuild.BuildAnalysis;
import org.xenfusa.sloc.kbuild.GeneratedSource;
import org.xenfusa.sloc.kbuild.HeaderFile;
import org.xenfusa.sloc.kbuild.KbuildEvaluator;
import org.xenfusa.sloc.kbuild.KbuildWarning;
import org.xenfusa.sloc.kbuild.LineActivity;
import org.xenfusa.sloc.kbuild.SourceOrigin;
import org.xenfusa.sloc.kbuild.TranslationUnit;
import org.xenfusa.sloc.kconfig.Configuration;
import org.xenfusa.sloc.kconfig.KconfigDiagnostic;
import org.xenfusa.sloc.kconfig.KconfigParser;
import org.xenfusa.sloc.kconfig.KconfigTree;
import org.xenfusa.sloc.kconfig.ToolchainProfile;
import org.xenfusa.sloc.report.DirectoryGrouping;
import org.xenfusa.sloc.tree.SourceFile;
import org.xenfusa.sloc.tree.SourceTree;
import org.xenfusa.sloc.xen.XenArch;

/**
 * Turns configurations of one source tree into {@link ConfigurationReport}s: Kconfig engine, then
 * Kbuild evaluation, then cloc counts. Parsed Kconfig trees, preprocessing results and counts are
 * kept (counts by blob id), so that after the first configuration the next ones cost little:
 * what a sweep over many configurations needs. Not for concurrent use of one instance.
 */
// [impl->dsn~configuration-report~1] [impl->dsn~declared-generated-count~1]
public final class ConfigurationCounter {
    private final SourceTree tree;
    private final KbuildEvaluator kbuild;
    private final String xenFolder;
    private final ClocCounter cloc = new ClocCounter();
    private final Map<String, KconfigTree> kconfigs = new ConcurrentHashMap<>();
    private final Map<String, FileCount> counts = new ConcurrentHashMap<>();
    private final Map<String, FileCount> activeCounts = new ConcurrentHashMap<>();

    private ConfigurationCounter(SourceTree tree) {
        this.tree = tree;
        this.kbuild = KbuildEvaluator.of(tree);
        this.xenFolder = kbuild.xenFolder();
    }

    /** A counter for a repository tree (Xen under {@code xen/}) or for Xen's {@code xen/} folder itself. */
    public static ConfigurationCounter of(SourceTree tree) {
        return new ConfigurationCounter(tree);
    }

    public SourceTree tree() {
        return tree;
    }

    /** The folder Xen's build runs in, relative to the tree's root ({@code "xen/"} or empty). */
    public String xenFolder() {
        return xenFolder;
    }

    /** The Kconfig tree of {@code arch} read with {@code profile}'s answers (parsed once). */
    public KconfigTree kconfig(XenArch arch, ToolchainProfile profile) {
        return kconfigs.computeIfAbsent(arch.targetArch() + "|" + profile.name() + "|" + profile.hashCode(),
                k -> KconfigParser.parse(tree, srcDir(), arch.targetArch(), profile));
    }

    /** The Kconfig engine's configuration for a request. */
    public Configuration configure(ConfigurationRequest request) {
        return kconfig(request.arch(), request.profile()).configure(request.start(), request.overrides());
    }

    /** The three figures of a request's configuration. */
    public ConfigurationReport report(ConfigurationRequest request) {
        return report(request, configure(request));
    }

    /** The three figures of a configuration the Kconfig engine already computed for {@code request}. */
    public ConfigurationReport report(ConfigurationRequest request, Configuration configuration) {
        Map<String, String> set = new LinkedHashMap<>();
        configuration.values().forEach((k, v) -> {
            if (!v.equals("n")) {
                set.put(k, v);
            }
        });
        BuildAnalysis build = kbuild.analyse(request.arch(), set, request.profile());
        List<ReportWarning> warnings = new ArrayList<>();
        for (KconfigDiagnostic d : configuration.diagnostics()) {
            if (d.severity() != KconfigDiagnostic.Severity.INFO) {
                warnings.add(new ReportWarning("kconfig", d.file(), d.line(), d.severity().name().toLowerCase() + ": " + d.message()));
            }
        }
        for (KbuildWarning w : build.files().warnings()) {
            warnings.add(new ReportWarning("kbuild", w.file(), w.line(), w.message()));
        }

        // what each file's content is, then its counts (read on this thread, counted on all cores)
        Map<String, Content> contents = new LinkedHashMap<>();
        List<GeneratedFile> generated = new ArrayList<>();
        for (String path : build.files().makeClocList()) {
            contents.put(path, sourceContent(path, build, generated));
        }
        for (HeaderFile h : build.files().headers()) {
            if (h.generated()) {
                generated.add(new GeneratedFile(h.path(), FileRole.HEADER, GeneratedFile.Kind.BUILD_OUTPUT, "", false));
            } else {
                contents.put(h.path(), tracked(h.path()));
            }
        }
        countAll(contents, build);

        List<CountedFile> sources = new ArrayList<>();
        List<CountedFile> all = new ArrayList<>();
        for (Content c : contents.values()) {
            CountedFile cf = new CountedFile(c.path(), c.contentId(), c.size(), c.count());
            all.add(cf);
            if (c.role() == FileRole.SOURCE) {
                sources.add(cf);
            }
        }
        ClocSummary sourceSummary = ClocSummary.of(sources);
        ClocSummary allSummary = ClocSummary.of(all);
        Map<String, String> droppedSources = duplicates(sourceSummary);
        Map<String, String> droppedAll = duplicates(allSummary);

        List<FileFigures> files = new ArrayList<>();
        Map<String, LineFigures[]> rows = new TreeMap<>();
        LineFigures makeCloc = LineFigures.NONE;
        LineFigures withHeaders = LineFigures.NONE;
        LineFigures active = LineFigures.NONE;
        for (Content c : contents.values()) {
            Optional<String> dup = Optional.ofNullable(c.role() == FileRole.SOURCE ? droppedSources.get(c.path()) : droppedAll.get(c.path()));
            FileCount activeCount = activeCounts.getOrDefault(activeKey(c, build), c.count());
            FileFigures ff = new FileFigures(c.path(), c.role(), c.contentId(), c.count(), activeCount, c.generated(), dup);
            files.add(ff);
            if (!c.count().isCounted()) {
                continue;
            }
            LineFigures[] row = rows.computeIfAbsent(DirectoryGrouping.directoryOf(c.path(), xenFolder),
                    k -> new LineFigures[] {LineFigures.NONE, LineFigures.NONE, LineFigures.NONE});
            if (c.role() == FileRole.SOURCE && dup.isEmpty()) {
                makeCloc = makeCloc.plus(c.count());
                row[0] = row[0].plus(c.count());
            }
            if (!droppedAll.containsKey(c.path())) {
                withHeaders = withHeaders.plus(c.count());
                row[1] = row[1].plus(c.count());
                if (activeCount.isCounted()) {
                    active = active.plus(activeCount);
                    row[2] = row[2].plus(activeCount);
                }
            }
        }
        files.sort(java.util.Comparator.comparing(FileFigures::path));
        List<DirectoryFigures> directories = rows.entrySet().stream()
                .map(e -> new DirectoryFigures(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2])).toList();
        generated.sort(java.util.Comparator.comparing(GeneratedFile::path));

        String text = configuration.writeDotConfig();
        return new ConfigurationReport(tree.commit().orElse(""), request.arch(), request.profile().name(), request, text,
                sha256(text), configuration.values(), makeCloc, withHeaders, active, sourceSummary.languages(), directories,
                files, build.files().makeClocList(),
                build.files().translationUnits().stream().map(TranslationUnit::path).distinct().sorted().toList(),
                build.files().headers().stream().map(HeaderFile::path).toList(), generated, warnings,
                build.files().undecidedConditions(), build.lineActivity());
    }

    // ---- content and counts ---------------------------------------------------------------

    /** One file's content as cloc would read it; {@code count} is filled by {@link #countAll}. */
    private record Content(String path, FileRole role, String contentId, long size, Optional<SourceFile> file,
            Optional<byte[]> text, Optional<FileCount> declared, boolean generated, FileCount count) {
        Content withCount(FileCount c) {
            return new Content(path, role, contentId, size, file, text, declared, generated, c);
        }
    }

    private static final FileCount NOT_YET = FileCount.ignored("not counted yet");

    private Content tracked(String path) {
        SourceFile f = tree.file(path).orElseThrow(() -> new IllegalStateException("not in the tree: " + path));
        return new Content(path, FileRole.HEADER, f.blobId(), f.size(), Optional.of(f), Optional.empty(), Optional.empty(),
                false, NOT_YET);
    }

    private Content sourceContent(String path, BuildAnalysis build, List<GeneratedFile> generated) {
        Optional<SourceFile> own = tree.file(path);
        if (own.isPresent()) {
            return new Content(path, FileRole.SOURCE, own.get().blobId(), own.get().size(), own, Optional.empty(),
                    Optional.empty(), false, NOT_YET);
        }
        GeneratedSource g = build.generated().get(path);
        if (g == null) {
            return new Content(path, FileRole.SOURCE, "missing:" + path, 0, Optional.empty(), Optional.empty(), Optional.empty(),
                    true, FileCount.ignored("not in the tree and not known as generated"));
        }
        if (g.origin().kind() == SourceOrigin.Kind.COPY) {
            Optional<SourceFile> from = tree.file(g.origin().from());
            if (from.isPresent()) {
                generated.add(new GeneratedFile(path, FileRole.SOURCE, GeneratedFile.Kind.COPY, g.origin().from(), true));
                // a copy has its original's content, so cloc's duplicate rule sees the original's blob
                return new Content(path, FileRole.SOURCE, from.get().blobId(), from.get().size(), from, Optional.empty(),
                        Optional.empty(), true, NOT_YET);
            }
        }
        if (g.text().isPresent()) {
            byte[] bytes = g.text().get().getBytes(StandardCharsets.UTF_8);
            generated.add(new GeneratedFile(path, FileRole.SOURCE, GeneratedFile.Kind.GENERATOR_TEXT, g.origin().from(), true));
            return new Content(path, FileRole.SOURCE, "sha256:" + sha256(g.text().get()), bytes.length, Optional.empty(),
                    Optional.of(bytes), Optional.empty(), true, NOT_YET);
        }
        if (g.declared().isPresent()) {
            ToolchainProfile.BuildOutput o = g.declared().get();
            generated.add(new GeneratedFile(path, FileRole.SOURCE, GeneratedFile.Kind.DECLARED_COUNT, g.origin().from(), true));
            return new Content(path, FileRole.SOURCE, "declared:" + path, -1, Optional.empty(), Optional.empty(),
                    Optional.of(FileCount.counted(o.language(), o.blank(), o.comment(), o.code())), true, NOT_YET);
        }
        generated.add(new GeneratedFile(path, FileRole.SOURCE, GeneratedFile.Kind.BUILD_OUTPUT, g.origin().from(), false));
        return new Content(path, FileRole.SOURCE, "unknown:" + path, 0, Optional.empty(), Optional.empty(), Optional.empty(),
                true, FileCount.ignored("made at build time; content unknown"));
    }

    /** Counts every file not counted before, whole and with its inactive lines removed. */
    private void countAll(Map<String, Content> contents, BuildAnalysis build) {
        record Job(String path, String key, String activeKey, byte[] bytes, LineActivity activity) {
        }
        List<Job> jobs = new ArrayList<>();
        for (Map.Entry<String, Content> e : contents.entrySet()) {
            Content c = e.getValue();
            if (c.count() != NOT_YET) {
                continue;
            }
            if (c.declared().isPresent()) {
                e.setValue(c.withCount(c.declared().get()));
                continue;
            }
            String key = countKey(c);
            String aKey = activeKey(c, build);
            FileCount known = counts.get(key);
            if (known != null && (aKey.equals(key) || activeCounts.containsKey(aKey))) {
                e.setValue(c.withCount(known));
                continue;
            }
            byte[] bytes = c.text().orElseGet(() -> read(c.file().orElseThrow()));
            jobs.add(new Job(c.path(), key, aKey, bytes, build.lineActivity().get(c.path())));
        }
        jobs.parallelStream().forEach(j -> {
            FileCount whole = counts.computeIfAbsent(j.key(), k -> cloc.count(j.path(), j.bytes()));
            if (!j.activeKey().equals(j.key())) {
                activeCounts.computeIfAbsent(j.activeKey(), k -> cloc.count(j.path(), withoutInactiveLines(j.bytes(), j.activity())));
            }
        });
        for (Map.Entry<String, Content> e : contents.entrySet()) {
            Content c = e.getValue();
            if (c.count() == NOT_YET) {
                e.setValue(c.withCount(counts.get(countKey(c))));
            }
        }
    }

    /** Counts depend on the content and, for cloc's language, on the file's extension. */
    private static String countKey(Content c) {
        String name = c.path().substring(c.path().lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return c.contentId() + "|" + (dot < 0 ? name : name.substring(dot));
    }

    /** The key of a file's active-lines count: its count key when no line is inactive. */
    private static String activeKey(Content c, BuildAnalysis build) {
        LineActivity a = build.lineActivity().get(c.path());
        if (a == null || a.inactive().isEmpty() || c.declared().isPresent()) {
            return countKey(c);
        }
        return countKey(c) + "|" + a.inactive().stream().map(r -> r.first() + "-" + r.last()).collect(Collectors.joining(","));
    }

    /** The content without its inactive lines (line terminators kept with their lines). */
    public static byte[] withoutInactiveLines(byte[] bytes, LineActivity activity) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(bytes.length);
        int line = 1;
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                int end = i == bytes.length ? i : i + 1;
                if (end > start && activity.isActive(line)) {
                    out.write(bytes, start, end - start);
                }
                line++;
                start = end;
            }
        }
        return out.toByteArray();
    }

    private byte[] read(SourceFile f) {
        try {
            return tree.read(f);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f.path(), e);
        }
    }

    private static Map<String, String> duplicates(ClocSummary s) {
        Map<String, String> m = new HashMap<>();
        s.duplicates().forEach(d -> m.put(d.path(), d.keptPath()));
        return m;
    }

    private String srcDir() {
        return xenFolder.endsWith("/") ? xenFolder.substring(0, xenFolder.length() - 1) : xenFolder;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Paths of a set, for tests and diffs. */
    static Set<String> paths(List<FileFigures> files) {
        return files.stream().map(FileFigures::path).collect(Collectors.toSet());
    }
}
