package org.xenfusa.sloc.kbuild;

import org.xenfusa.sloc.xen.XenArch;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.xenfusa.sloc.kconfig.ToolchainProfile;
import org.xenfusa.sloc.tree.SourceFile;
import org.xenfusa.sloc.tree.SourceTree;

import static org.xenfusa.sloc.kbuild.KbuildEvaluator.autoConfValue;
import static org.xenfusa.sloc.kbuild.KbuildEvaluator.dedupe;
import static org.xenfusa.sloc.kbuild.KbuildEvaluator.globRegex;
import static org.xenfusa.sloc.kbuild.KbuildEvaluator.parent;
import static org.xenfusa.sloc.kbuild.KbuildEvaluator.resourceText;

import org.xenfusa.sloc.kbuild.MakefileWalk.Generated;
import org.xenfusa.sloc.kbuild.MakefileWalk.SearchPath;

/**
 * The include closure of one configuration (the design's "#include closure + #if evaluation --> compiled
 * headers, active lines"): preprocesses every unit the Makefile walk found, following only live or
 * undecidable branches, and turns what it reached into make cloc's list, the headers and the line activity.
 */
// [impl->dsn~include-closure~1]
final class IncludeClosure {
    /** make cloc: {@code grep -o "[a-zA-Z0-9_/-]*\\.[cS]"} over each {@code .o.cmd} file, then {@code test -f}. */
    private static final Pattern CLOC_PATH = Pattern.compile("[a-zA-Z0-9_/-]*\\.[cS]");
    /** Marks, among a unit's reached files, the spelling gcc gives a source included through "..". */
    private static final String AS_WRITTEN = "\0as-written\0";
    /*
     * Preprocessor scans by blob id and of the predefined-macro resources, shared by every evaluation of the
     * process. Bounded: the web app lives long and ingests many tags; a few thousand sources and headers per tag.
     */
    private static final Cache<String, PreprocessorScan> SCANS = Caffeine.newBuilder().maximumSize(40_000).build();
    private static final Cache<String, PreprocessorScan> PREDEFINED = Caffeine.newBuilder().maximumSize(64).build();
    /** A file read from this many different macro states is no longer remembered for replay. */
    private static final int MAX_VARIANTS = 48;
    private static final BitSet NO_LINES = new BitSet();

    /** The inactive lines of one file in one reading of it. */
    private record FileLines(String file, BitSet inactive) {
    }

    /** What preprocessing one file (and all it includes) did, and the macro reads it depended on. */
    record Walked(ConditionEvaluator.Recording recording, List<String> reached, List<FileLines> lines,
            List<String> undecided, List<KbuildWarning> warnings) {
    }

    /** What the readings of one unit or one file collect. */
    private static final class Collector {
        final Set<String> reached = new LinkedHashSet<>();
        final List<FileLines> lines = new ArrayList<>();
        final List<String> undecided = new ArrayList<>();
        final List<KbuildWarning> warnings = new ArrayList<>();

        void absorb(Walked w) {
            reached.addAll(w.reached());
            lines.addAll(w.lines());
            undecided.addAll(w.undecided());
            warnings.addAll(w.warnings());
        }
    }

    private final KbuildEvaluator evaluator;
    private final SourceTree tree;
    private final String prefix;
    private final Set<String> fileSet;
    private final Map<String, SourceFile> byPath;
    /** Preprocessing effects per search path and file, kept by the evaluator across its evaluations (see walk). */
    private final Map<String, List<Walked>> walks;
    private final Map<String, String> searchPathKeys;
    private final XenArch arch;
    private final Map<String, String> config;
    private final ToolchainProfile profile;
    private final List<KbuildWarning> warnings;
    private final Map<String, Generated> generated;
    private final Map<String, TranslationUnit> units;
    private final Map<String, SearchPath> unitSearch;
    private final Set<String> initObjects;
    private final Map<String, String> buildLinks;
    private final List<String> assemblerDefines;
    private final Map<String, PreprocessorScan> generatedScans = new HashMap<>();
    private final List<Pattern> generatedHeaderPatterns = new ArrayList<>();
    private final Set<String> undecidedAt = new TreeSet<>();
    private final Map<String, Optional<String>> resolveCache = new HashMap<>();

    IncludeClosure(KbuildEvaluator evaluator, MakefileWalk walk, XenArch arch, Map<String, String> config,
            ToolchainProfile profile, List<KbuildWarning> warnings) {
        this.evaluator = evaluator;
        this.tree = evaluator.tree;
        this.prefix = evaluator.xenFolder();
        this.fileSet = evaluator.fileSet;
        this.byPath = evaluator.byPath;
        this.walks = evaluator.walks;
        this.searchPathKeys = evaluator.searchPathKeys;
        this.arch = arch;
        this.config = config;
        this.profile = profile;
        this.warnings = warnings;
        this.generated = walk.generated();
        this.units = walk.units();
        this.unitSearch = walk.unitSearch();
        this.initObjects = walk.initObjects();
        this.buildLinks = walk.buildLinks();
        this.assemblerDefines = walk.assemblerDefines();
        for (String glob : evaluator.generatedHeaderGlobs) {
            generatedHeaderPatterns.add(Pattern.compile(globRegex(glob.replace("{srcarch}", arch.srcArch()))));
        }
    }


    /** Follows the includes of every unit, then names the compiled files, headers, active lines and generated sources. */
    BuildAnalysis analyse() {
        Set<String> cloc = new TreeSet<>();
        Map<String, Boolean> headers = new TreeMap<>();
        Map<String, Map<String, ConditionEvaluator.Macro>> bases = new HashMap<>();
        String fingerprint = generatedFingerprint();
        Map<String, BitSet> inactive = new HashMap<>();
        for (Map.Entry<String, TranslationUnit> e : units.entrySet()) {
            String src = e.getValue().path().substring(prefix.length());
            SearchPath sp = unitSearch.get(e.getKey());
            Map<String, ConditionEvaluator.Macro> initial = new HashMap<>(bases.computeIfAbsent(sp.targetFlag(), this::baseMacros));
            List<String> defines = new ArrayList<>(sp.defines());
            if (src.endsWith(".S")) {
                defines.add("__ASSEMBLER__ 1");
                defines.addAll(assemblerDefines);
            }
            if (initObjects.contains(e.getValue().object().substring(prefix.length()))) {
                defines.add("INIT_SECTIONS_ONLY 1");
            }
            for (String d : defines) {
                ConditionEvaluator.parseDefine(d.contains(" ") ? d : d + " 1").ifPresent(m -> initial.put(m.name(), m));
            }
            ConditionEvaluator ce = new ConditionEvaluator(initial);
            String spKey = searchPathKeys.computeIfAbsent(sp + "|" + fingerprint, k -> "sp" + searchPathKeys.size());
            Collector unit = new Collector();
            for (String f : sp.forced()) {
                Optional<String> r = resolvePath(f);
                if (r.isPresent()) {
                    walk(r.get(), ce, sp, spKey, unit, 0, true);
                } else {
                    warnings.add(new KbuildWarning(prefix + src, 0, "forced include not found: " + f));
                }
            }
            // nothing follows the unit's own source, so its macro writes are never needed
            walk(src, ce, sp, spKey, unit, 0, false);
            Map<String, List<String>> written = new HashMap<>();
            for (String f : unit.reached) {
                if (f.startsWith(AS_WRITTEN)) {
                    String[] pair = f.substring(AS_WRITTEN.length()).split("\0", 2);
                    written.computeIfAbsent(pair[0], k -> new ArrayList<>()).add(pair[1]);
                }
            }
            for (String f : unit.reached) {
                if (f.startsWith(AS_WRITTEN)) {
                    continue;
                }
                if (isSource(f)) {
                    for (String spelling : written.getOrDefault(f, List.of(f))) {
                        clocMatches(spelling).forEach(cloc::add);
                    }
                } else if (!f.equals("include/generated/autoconf.h")) {
                    // fixdep drops autoconf.h from the dependency lists, so make cloc never sees it
                    headers.put(f, !fileSet.contains(f));
                }
            }
            // a line is active when any unit keeps it: intersect the inactive sets of every reading (of every
            // unit, each counted however often replayed readings share one set: the intersection is idempotent)
            for (FileLines fl : unit.lines) {
                BitSet acc = inactive.get(fl.file());
                if (acc == null) {
                    inactive.put(fl.file(), (BitSet) fl.inactive().clone());
                } else if (!acc.isEmpty()) {
                    acc.and(fl.inactive());
                }
            }
            undecidedAt.addAll(unit.undecided);
            warnings.addAll(unit.warnings);
        }
        List<String> makeCloc = cloc.stream().map(p -> prefix + p).toList();
        List<HeaderFile> headerList = headers.entrySet().stream().map(h -> new HeaderFile(prefix + h.getKey(), h.getValue())).toList();
        Map<String, LineActivity> activity = new HashMap<>();
        inactive.forEach((file, bits) -> {
            if (fileSet.contains(file) || generated.containsKey(file)) {
                activity.put(prefix + file, LineActivity.of(prefix + file, scan(file).lineCount(), bits));
            }
        });
        Map<String, GeneratedSource> generatedSources = new HashMap<>();
        for (String p : cloc) {
            Generated g = generated.get(p);
            if (fileSet.contains(p) || g == null) {
                continue;
            }
            // several measurements may be declared: the one made at this commit with this configuration's
            // values, else one made with these values elsewhere, else the first (each approximate, with a warning)
            List<ToolchainProfile.BuildOutput> candidates = profile.buildOutputs().stream()
                    .filter(o -> o.arch().equals(arch.targetArch()) && o.path().equals(p)).toList();
            String commit = tree.commit().orElse("");
            Optional<ToolchainProfile.BuildOutput> declared = candidates.stream()
                    .filter(o -> o.measuredAt(commit) && measuredHere(o)).findFirst()
                    .or(() -> candidates.stream().filter(this::measuredHere).findFirst())
                    .or(() -> candidates.stream().findFirst());
            declared.ifPresent(o -> checkMeasured(o));
            GeneratedSource gs = new GeneratedSource(prefix + p, g.origin(), g.text(), declared);
            if (!gs.countable()) {
                warnings.add(new KbuildWarning(prefix + p, 0, "made at build time from " + g.origin().from()
                        + "; its content needs a real build and the toolchain profile " + profile.name()
                        + " declares no count for it: not counted"));
            }
            generatedSources.put(prefix + p, gs);
        }
        CompiledFileSet files = new CompiledFileSet(arch, List.copyOf(units.values()), makeCloc, headerList,
                dedupe(warnings), undecidedAt.size());
        return new BuildAnalysis(files, activity, generatedSources);
    }

    private boolean measuredHere(ToolchainProfile.BuildOutput o) {
        return o.measuredWith().entrySet().stream().allMatch(e -> DotConfig.unquote(config.getOrDefault(e.getKey(), "n"))
                .equals(DotConfig.unquote(e.getValue())));
    }

    /**
     * A declared count holds only at the commit and for the configuration it was measured with (the file's
     * length depends on the code, the configuration and the compiler): say so when this build differs.
     */
    private void checkMeasured(ToolchainProfile.BuildOutput o) {
        List<String> differing = new ArrayList<>();
        String commit = tree.commit().orElse("");
        if (!o.measuredAt(commit)) {
            differing.add("commit " + (commit.isEmpty() ? "unknown (a folder)" : abbreviated(commit)) + " (measured at "
                    + (o.measuredAt().isEmpty() ? "an unstated commit" : abbreviated(o.measuredAt())) + ")");
        }
        o.measuredWith().forEach((symbol, value) -> {
            String now = config.getOrDefault(symbol, "n");
            if (!DotConfig.unquote(now).equals(DotConfig.unquote(value))) {
                differing.add(symbol + "=" + now + " (measured with " + value + ")");
            }
        });
        if (!differing.isEmpty()) {
            warnings.add(new KbuildWarning(prefix + o.path(), 0, "count declared by toolchain profile " + profile.name()
                    + " (" + o.code() + " code lines) was measured under other conditions, so it is approximate: "
                    + String.join(", ", differing) + "; give the count of your own build (fusa config-sloc --generated-count "
                    + o.path() + "=CODE, or a build-output line measured at this commit in a toolchain profile)"));
        }
    }

    private static String abbreviated(String commit) {
        return commit.length() > 12 ? commit.substring(0, 12) : commit;
    }

    /** Include resolution depends on which generated files exist besides the tracked ones. */
    private String generatedFingerprint() {
        return Integer.toHexString(new TreeSet<>(generated.keySet()).hashCode()) + "-" + arch;
    }

    /**
     * The macros every unit compiled with {@code targetFlag} (empty: the architecture's target) starts with: the
     * compiler's (the toolchain profile's {@code predefined} resources, those for another target given as
     * {@code predefined -m32 RESOURCE}) and autoconf.h's.
     */
    private Map<String, ConditionEvaluator.Macro> baseMacros(String targetFlag) {
        Map<String, ConditionEvaluator.Macro> macros = new HashMap<>();
        List<String> predefined = profile.predefinedMacros("").isEmpty() && targetFlag.isEmpty()
                ? List.of("predefined-" + arch.targetArch() + ".h") : profile.predefinedMacros(targetFlag);
        if (predefined.isEmpty()) {
            warnings.add(new KbuildWarning(prefix + "Makefile", 0, "toolchain profile " + profile.name()
                    + " declares no predefined macros for units compiled with " + targetFlag
                    + ": their #if conditions on the compiler's macros are evaluated without them"));
        }
        for (String resource : predefined) {
            for (PreprocessorScan.Directive d : PREDEFINED.get(resource,
                    r -> PreprocessorScan.of(resourceText(r))).directives()) {
                if (d.keyword().equals("define")) {
                    ConditionEvaluator.parseDefine(d.argument()).ifPresent(m -> macros.put(m.name(), m));
                }
            }
        }
        config.forEach((k, v) -> {
            String value = v.strip();
            String name = k;
            if (value.equals("n")) {
                return;
            }
            if (value.equals("y")) {
                value = "1";
            } else if (value.equals("m")) {
                name = k + "_MODULE";
                value = "1";
            } else if (!value.matches("-?[0-9]+|0[xX][0-9a-fA-F]+")) {
                value = autoConfValue(value);
            }
            String define = name + " " + value;
            ConditionEvaluator.parseDefine(define).ifPresent(m -> macros.put(m.name(), m));
        });
        return macros;
    }

    /**
     * Preprocesses {@code file} in the unit's macro state: only live (or undecidable) branches are
     * followed. The effect of a file (macros written, files reached, lines skipped) depends only on
     * the macros it reads, so it is kept per file and replayed wherever those read the same.
     */
    private void walk(String file, ConditionEvaluator ce, SearchPath sp, String spKey, Collector out, int depth,
            boolean effectsNeeded) {
        String key = spKey + "|" + file + (effectsNeeded ? "" : "|last");
        List<Walked> variants = walks.get(key);
        if (variants != null) {
            for (Walked w : variants) {
                if (ce.readsAsIn(w.recording())) {
                    ce.replay(w.recording());
                    out.absorb(w);
                    return;
                }
            }
        }
        ce.beginRecording();
        Collector mine = new Collector();
        mine.reached.add(file);
        if (depth > 200) {
            mine.warnings.add(new KbuildWarning(prefix + file, 0, "#include nesting too deep"));
            out.absorb(new Walked(ce.endRecording(false), List.copyOf(mine.reached), List.of(), List.of(), List.copyOf(mine.warnings)));
            return;
        }
        PreprocessorScan scan = scan(file);
        BitSet inactive = new BitSet();
        // per level: 2 live, 1 undecided, 0 dead; taken: a branch was live; unknown: a condition was undecidable
        int[] level = new int[64];
        boolean[] taken = new boolean[64];
        boolean[] unknown = new boolean[64];
        int top = 0;
        level[0] = 2;
        int previousEnd = 0;
        for (PreprocessorScan.Directive d : scan.directives()) {
            String kw = d.keyword();
            int cur = level[top];
            if (cur == 0 && d.line() > previousEnd + 1) {
                inactive.set(previousEnd + 1, d.line());
            }
            boolean conditional = kw.equals("elif") || kw.equals("else") || kw.equals("endif");
            int directiveLevel = conditional ? (top > 0 ? level[top - 1] : 2) : cur;
            if (directiveLevel == 0) {
                inactive.set(d.line(), d.lastLine() + 1);
            }
            previousEnd = Math.max(previousEnd, d.lastLine());
            switch (kw) {
                case "if", "ifdef", "ifndef" -> {
                    if (top + 1 >= level.length) {
                        continue;
                    }
                    top++;
                    taken[top] = false;
                    unknown[top] = false;
                    if (cur == 0) {
                        level[top] = 0;
                        taken[top] = true;
                        continue;
                    }
                    OptionalLong v = kw.equals("if") ? condition(ce, file, d, sp, spKey, mine)
                            : OptionalLong.of(ce.isDefined(d.argument()) == kw.equals("ifdef") ? 1 : 0);
                    branch(v, cur, top, level, taken, unknown);
                }
                case "elif" -> {
                    int parent = top > 0 ? level[top - 1] : 2;
                    if (top == 0 || taken[top] || parent == 0) {
                        level[top] = 0;
                        continue;
                    }
                    branch(condition(ce, file, d, sp, spKey, mine), parent, top, level, taken, unknown);
                }
                case "else" -> {
                    int parent = top > 0 ? level[top - 1] : 2;
                    level[top] = top == 0 || taken[top] || parent == 0 ? 0 : unknown[top] ? Math.min(1, parent) : parent;
                    taken[top] |= level[top] == 2;
                }
                case "endif" -> {
                    if (top > 0) {
                        top--;
                    }
                }
                case "define" -> {
                    if (cur > 0) {
                        ce.define(d.argument());
                    }
                }
                case "undef" -> {
                    if (cur == 2) {
                        ce.undefine(d.argument());
                    }
                }
                case "include", "include_next" -> {
                    if (cur == 0) {
                        continue;
                    }
                    include(file, d, ce, sp, spKey, mine, depth, cur == 2);
                }
                default -> {
                }
            }
        }
        if (level[top] == 0 && scan.lineCount() > previousEnd) {
            inactive.set(previousEnd + 1, scan.lineCount() + 1);
        }
        if (top > 0) {
            mine.warnings.add(new KbuildWarning(prefix + file, 0, "#if without #endif"));
        }
        mine.lines.add(new FileLines(file, inactive.isEmpty() ? NO_LINES : inactive));
        Walked w = new Walked(ce.endRecording(effectsNeeded), List.copyOf(mine.reached), List.copyOf(mine.lines),
                List.copyOf(mine.undecided), List.copyOf(mine.warnings));
        walks.compute(key, (k, list) -> {
            if (list == null) {
                return List.of(w);
            }
            if (list.size() >= MAX_VARIANTS) {
                return list;
            }
            List<Walked> more = new ArrayList<>(list);
            more.add(w);
            return List.copyOf(more);
        });
        out.absorb(w);
    }

    private void branch(OptionalLong v, int parent, int top, int[] level, boolean[] taken, boolean[] unknown) {
        if (v.isEmpty()) {
            level[top] = Math.min(1, parent);
            unknown[top] = true;
        } else if (v.getAsLong() != 0) {
            level[top] = unknown[top] ? Math.min(1, parent) : parent;
            taken[top] = !unknown[top];
            if (unknown[top]) {
                // an earlier undecidable branch may have been the live one: keep this one, undecided
                taken[top] = false;
            }
        } else {
            level[top] = 0;
        }
    }

    private OptionalLong condition(ConditionEvaluator ce, String file, PreprocessorScan.Directive d, SearchPath sp,
            String spKey, Collector out) {
        // __has_include looks where this unit's #include would: the answer depends only on the file and search path
        OptionalLong v = ce.evaluate(d.argument(), (name, angled, next) -> resolve(file, name, angled, next, sp, spKey).isPresent());
        if (v.isEmpty()) {
            out.undecided.add(file + ":" + d.line());
        }
        return v;
    }

    private void include(String file, PreprocessorScan.Directive d, ConditionEvaluator ce, SearchPath sp, String spKey,
            Collector out, int depth, boolean live) {
        String arg = d.argument();
        if (arg.strip().equals("__FILE__")) {
            // a file that includes itself (x86's usercopy.c up to 4.21, once per GUARD): __FILE__ names this very file
            walk(file, ce, sp, spKey, out, depth + 1, true);
            return;
        }
        boolean angled;
        if (arg.startsWith("<") && arg.indexOf('>') > 0) {
            angled = true;
        } else if (arg.startsWith("\"") && arg.indexOf('"', 1) > 0) {
            angled = false;
        } else {
            out.undecided.add(file + ":" + d.line());
            out.warnings.add(new KbuildWarning(prefix + file, d.line(), "computed #include not followed: " + arg));
            return;
        }
        String name = arg.substring(1, angled ? arg.indexOf('>') : arg.indexOf('"', 1));
        boolean next = d.keyword().equals("include_next");
        Optional<String> r = resolve(file, name, angled, next, sp, spKey);
        if (r.isEmpty()) {
            if (live) {
                // in an undecided branch a missing file is expected (e.g. behind __has_include)
                out.warnings.add(new KbuildWarning(prefix + file, d.line(), "#include " + arg + " resolves nowhere"));
            }
        } else {
            String resolved = r.get();
            if (!angled && isSource(resolved)) {
                // gcc writes a quoted include found next to its includer as the joined path, ".." and all;
                // make cloc's grep then sees only the part after the last "..": remember that spelling
                String joined = parent(file).isEmpty() ? name : parent(file) + "/" + name;
                if (!joined.equals(resolved) && MakeInterpreter.normalize(joined).equals(resolved)) {
                    out.reached.add(AS_WRITTEN + resolved + '\0' + joined);
                }
            }
            walk(resolved, ce, sp, spKey, out, depth + 1, true);
        }
    }

    /** Where {@code #include} (or {@code __has_include}) of {@code name} in {@code file} finds it, if anywhere. */
    private Optional<String> resolve(String file, String name, boolean angled, boolean next, SearchPath sp, String spKey) {
        String key = (angled ? "<" : "\"" + parent(file)) + "|" + name + "|" + next + "|" + (next ? file : "") + "|" + spKey;
        return resolveCache.computeIfAbsent(key, k -> resolveInclude(file, name, angled, next, sp));
    }

    private List<String> clocMatches(String path) {
        List<String> out = new ArrayList<>();
        Matcher mm = CLOC_PATH.matcher(path);
        while (mm.find()) {
            String p = mm.group();
            if (exists(p)) {
                out.add(p);
            }
        }
        return out;
    }

    private boolean isSource(String f) {
        return f.endsWith(".c") || f.endsWith(".S");
    }

    private boolean exists(String p) {
        return fileSet.contains(p) || generated.containsKey(p);
    }

    private Optional<String> resolvePath(String p) {
        return existing(p).or(() -> generated(p));
    }

    /** {@code p} when the tree or the build has it, else what it names through a build link. */
    private Optional<String> existing(String p) {
        if (exists(p)) {
            return Optional.of(p);
        }
        return linked(p).filter(this::exists);
    }

    /** {@code p} (or what it names through a build link) when it is a header the build generates. */
    private Optional<String> generated(String p) {
        if (generatedHeader(p)) {
            return Optional.of(p);
        }
        return linked(p).filter(this::generatedHeader);
    }

    private Optional<String> resolveInclude(String includer, String name, boolean angled, boolean next, SearchPath sp) {
        List<String> dirs = new ArrayList<>();
        if (!angled && !next) {
            dirs.add(parent(includer));
            dirs.addAll(sp.quoteDirs());
        }
        List<String> incl = sp.includeDirs();
        if (next) {
            int from = 0;
            for (int k = 0; k < incl.size(); k++) {
                if (includer.startsWith(incl.get(k) + "/")) {
                    from = k + 1;
                }
            }
            incl = incl.subList(from, incl.size());
        }
        dirs.addAll(incl);
        for (String d : dirs) {
            String p = MakeInterpreter.normalize(d.isEmpty() ? name : d + "/" + name);
            Optional<String> found = p.isEmpty() ? Optional.empty() : existing(p);
            if (found.isPresent()) {
                return found;
            }
        }
        for (String d : dirs) {
            String p = MakeInterpreter.normalize(d.isEmpty() ? name : d + "/" + name);
            Optional<String> made = p.isEmpty() ? Optional.empty() : generated(p);
            if (made.isPresent()) {
                return made;
            }
        }
        return Optional.empty();
    }

    private boolean generatedHeader(String p) {
        return generatedHeaderPatterns.stream().anyMatch(re -> re.matcher(p).matches());
    }

    private PreprocessorScan scan(String path) {
        SourceFile f = byPath.get(path);
        if (f != null) {
            return SCANS.get(f.blobId(), id -> PreprocessorScan.of(readTracked(path)));
        }
        Generated g = generated.get(path);
        if (g == null) {
            return new PreprocessorScan(List.of());
        }
        if (g.text().isPresent()) {
            return generatedScans.computeIfAbsent(path, k -> PreprocessorScan.of(g.text().get()));
        }
        if (g.origin().kind() == SourceOrigin.Kind.COPY) {
            String from = g.origin().from().substring(prefix.length());
            return byPath.containsKey(from) ? scan(from) : new PreprocessorScan(List.of());
        }
        return new PreprocessorScan(List.of());
    }

    /** The tracked or generated path a build-folder path names, through the links the build made. */
    private Optional<String> linked(String p) {
        for (Map.Entry<String, String> e : buildLinks.entrySet()) {
            if (p.startsWith(e.getKey() + "/")) {
                return Optional.of(e.getValue() + p.substring(e.getKey().length()));
            }
        }
        return Optional.empty();
    }

    private byte[] readTracked(String path) {
        return evaluator.readTracked(path);
    }
}
