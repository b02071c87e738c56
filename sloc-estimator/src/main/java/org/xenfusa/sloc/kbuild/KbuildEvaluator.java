package org.xenfusa.sloc.kbuild;

import org.xenfusa.sloc.xen.XenArch;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.xenfusa.sloc.kconfig.ToolchainProfile;
import org.xenfusa.sloc.tree.SourceFile;
import org.xenfusa.sloc.tree.SourceTree;

/**
 * Decides which files one configuration of Xen compiles by evaluating its Kbuild Makefiles the
 * way {@code xen/Rules.mk} drives them (never running make), then follows {@code #include} from
 * every compiled source, so that the result is what {@code make cloc} lists after a real build.
 * One evaluator serves one tree and caches parsed Makefiles and include scans by blob id.
 */
public final class KbuildEvaluator {
    /** make cloc: {@code grep -o "[a-zA-Z0-9_/-]*\.[cS]"} over each {@code .o.cmd} file, then {@code test -f}. */
    private static final Pattern CLOC_PATH = Pattern.compile("[a-zA-Z0-9_/-]*\\.[cS]");
    /** A recipe that makes a symbolic link: {@code ln -s[f] TARGET LINK} (Xen up to 4.16: {@code include/asm}). */
    private static final Pattern SYMLINK_RECIPE = Pattern.compile("\\bln\\s+-s[f]?\\s+(\\S+)\\s+(\\S+)");
    /** Marks, among a unit's reached files, the spelling gcc gives a source included through "..". */
    private static final String AS_WRITTEN = "\0as-written\0";
    /*
     * Parsed Makefiles and preprocessor scans by blob id, shared by every evaluator of the process (a file
     * unchanged between two tags is parsed once). Bounded: the web app lives long and ingests many tags.
     * Roughly a few hundred Makefiles and a few thousand sources and headers per tag.
     */
    private static final Cache<String, KbuildMakefile> MAKEFILES = Caffeine.newBuilder().maximumSize(8_000).build();
    private static final Cache<String, PreprocessorScan> SCANS = Caffeine.newBuilder().maximumSize(40_000).build();
    private static final Cache<String, PreprocessorScan> PREDEFINED = Caffeine.newBuilder().maximumSize(64).build();
    /** A file read from this many different macro states is no longer remembered for replay. */
    private static final int MAX_VARIANTS = 48;
    private static final BitSet NO_LINES = new BitSet();

    private final SourceTree tree;
    private final String prefix;
    private final List<String> files;
    private final Set<String> fileSet;
    private final Set<String> directories;
    private final Map<String, SourceFile> byPath;
    private final Properties toolchain;
    private final List<String> generatedHeaderGlobs;
    /** Preprocessing effects per search path and file, each with the macro reads it depends on (see walk). */
    private final Map<String, List<Walked>> walks = new ConcurrentHashMap<>();
    private final Map<String, String> searchPathKeys = new ConcurrentHashMap<>();

    private KbuildEvaluator(SourceTree tree, String prefix, Properties toolchain) {
        this.tree = tree;
        this.prefix = prefix;
        this.toolchain = toolchain;
        List<String> list = new ArrayList<>();
        Map<String, SourceFile> map = new HashMap<>();
        Set<String> dirs = new HashSet<>();
        for (SourceFile f : prefix.isEmpty() ? tree.files() : tree.filesUnder(prefix)) {
            String rel = f.path().substring(prefix.length());
            list.add(rel);
            map.put(rel, f);
            String d = rel;
            while (d.contains("/")) {
                d = d.substring(0, d.lastIndexOf('/'));
                if (!dirs.add(d)) {
                    break;
                }
            }
        }
        list.sort(Comparator.naturalOrder());
        this.files = List.copyOf(list);
        this.fileSet = Set.copyOf(list);
        this.byPath = map;
        this.directories = dirs;
        this.generatedHeaderGlobs = resourceLines("generated-headers.txt");
    }

    /**
     * An evaluator for a repository tree (Xen under {@code xen/}) or for the {@code xen/} folder
     * itself; the toolchain's answers come from the {@link ToolchainProfile} of each evaluation.
     */
    public static KbuildEvaluator of(SourceTree tree) {
        return of(tree, new Properties());
    }

    /** Same, with make variables that override the profile's: keys {@code <XEN_TARGET_ARCH>.<make variable>}. */
    public static KbuildEvaluator of(SourceTree tree, Properties toolchain) {
        String prefix = tree.file("xen/Rules.mk").isPresent() ? "xen/" : "";
        return new KbuildEvaluator(tree, prefix, toolchain);
    }

    /** The folder Xen's build runs in, relative to the tree's root ({@code "xen/"} or empty). */
    public String xenFolder() {
        return prefix;
    }

    public CompiledFileSet evaluate(XenArch arch, DotConfig config) {
        return evaluate(arch, config.values());
    }

    /** Computes the compiled files of {@code arch} with the given {@code CONFIG_*} values (set symbols only). */
    public CompiledFileSet evaluate(XenArch arch, Map<String, String> config) {
        return analyse(arch, config).files();
    }

    /** The compiled files, line activity and generated sources, with the default toolchain of {@code arch}. */
    public BuildAnalysis analyse(XenArch arch, Map<String, String> config) {
        return analyse(arch, config, ToolchainProfile.defaultFor(arch.targetArch()));
    }

    /**
     * Everything a build of this configuration reads, with {@code profile}'s answers for what Xen's
     * Makefiles ask the toolchain, its predefined macros and its declared counts of binary-made sources.
     */
    public BuildAnalysis analyse(XenArch arch, Map<String, String> config, ToolchainProfile profile) {
        return new Run(arch, config, profile).compute();
    }

    // ---- replayable preprocessing ----------------------------------------------------------

    /** The inactive lines of one file in one reading of it. */
    private record FileLines(String file, BitSet inactive) {
    }

    /** What preprocessing one file (and all it includes) did, and the macro reads it depended on. */
    private record Walked(ConditionEvaluator.Recording recording, List<String> reached, List<FileLines> lines,
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

    // ---- one evaluation ---------------------------------------------------------------------

    /** A file the build creates: a copy of a tracked file, a synthesised wrapper, or opaque generated content. */
    private record Generated(String path, SourceOrigin origin, Optional<String> text) {
    }

    /** The include search of one translation unit (paths relative to the build folder). */
    private record SearchPath(List<String> quoteDirs, List<String> includeDirs, List<String> forced, List<String> defines) {
    }

    /** The state of evaluating one configuration. */
    private final class Run implements BuildFolder {
        private final XenArch arch;
        private final Map<String, String> config;
        private final ToolchainProfile profile;
        private final Map<String, PreprocessorScan> generatedScans = new HashMap<>();
        private final List<KbuildWarning> warnings = new ArrayList<>();
        private final Map<String, Generated> generated = new HashMap<>();
        private final Map<String, TranslationUnit> units = new TreeMap<>();
        private final Map<String, SearchPath> unitSearch = new HashMap<>();
        private final List<Pattern> generatedHeaderPatterns = new ArrayList<>();
        private final Set<String> initObjects = new HashSet<>();
        private final Set<String> undecidedAt = new TreeSet<>();
        private final Map<String, Optional<String>> resolveCache = new HashMap<>();
        /** Folders the build links into the tree before compiling (link path to the folder it points at). */
        private final Map<String, String> buildLinks = new TreeMap<>();

        Run(XenArch arch, Map<String, String> config, ToolchainProfile profile) {
            this.arch = arch;
            this.config = config;
            this.profile = profile;
            for (String glob : generatedHeaderGlobs) {
                generatedHeaderPatterns.add(Pattern.compile(globRegex(glob.replace("{srcarch}", arch.srcArch()))));
            }
        }

        @Override
        public Optional<KbuildMakefile> makefile(String path) {
            SourceFile f = byPath.get(path);
            if (f == null) {
                return Optional.empty();
            }
            KbuildMakefile parsed = MAKEFILES.get(f.blobId(), id -> KbuildMakefile.parse(prefix + path,
                    new String(readTracked(path), StandardCharsets.UTF_8)));
            // named by its repository path, so that warnings point at the right file
            return Optional.of(parsed.path().equals(prefix + path) ? parsed : new KbuildMakefile(prefix + path, parsed.lines()));
        }

        @Override
        public boolean isFile(String path) {
            return fileSet.contains(path);
        }

        @Override
        public boolean isDirectory(String path) {
            return directories.contains(path);
        }

        @Override
        public List<String> files() {
            return files;
        }

        BuildAnalysis compute() {
            MakeInterpreter base = new MakeInterpreter(this, warnings);
            seed(base);
            base.include("scripts/Kbuild.include", false);

            // xen/Makefile: the objects and libraries the final link takes, then the arch's additions
            MakeInterpreter top = base.copy(warnings);
            makefile("Makefile").ifPresentOrElse(mf -> top.evaluate(objectLists(mf)),
                    () -> warnings.add(new KbuildWarning(prefix + "Makefile", 0, "no top-level Makefile")));
            if (top.wordsOf("ALL_OBJS-y").isEmpty()) {
                // up to Xen 4.16 the lists lived in Rules.mk, as $(BASEDIR)/dir/built_in.o
                makefile("Rules.mk").ifPresent(mf -> top.evaluate(objectLists(mf)));
            }
            top.include("arch/" + arch.srcArch() + "/arch.mk", false);
            makefile("Makefile").ifPresent(mf -> symbolicLinks(top, mf));
            // arch.mk exports what its toolchain probes set; every directory's make sees it
            for (String probe : profile.makeVariables().keySet()) {
                if (top.defined(probe)) {
                    base.set(probe, top.value(probe));
                }
            }
            // arch.mk's own -I directories apply to every object (x86 up to 4.19: asm/mach-generic, mach-default)
            for (String f : MakeInterpreter.words(top.value("CFLAGS"))) {
                if (f.startsWith("-I") && f.length() > 2) {
                    archIncludes.add(MakeInterpreter.normalize(f.substring(2)));
                }
            }
            List<String> roots = new ArrayList<>();
            for (String o : top.wordsOf("ALL_OBJS-y")) {
                if (o.endsWith("/built_in.o")) {
                    roots.add(stripDot(o.substring(0, o.length() - "/built_in.o".length())));
                }
            }
            for (String o : top.wordsOf("ALL_LIBS-y")) {
                if (o.endsWith("/built_in.o")) {
                    roots.add(stripDot(o.substring(0, o.length() - "/built_in.o".length())));
                }
            }
            if (roots.isEmpty()) {
                // never a silent zero: a layout this evaluator does not know must show on every figure
                warnings.add(new KbuildWarning(prefix + "Makefile", 0, "no ALL_OBJS-y list found in Makefile or Rules.mk:"
                        + " this tag's build layout is not understood, so no compiled file is known"));
            }
            asmGenericWrappers(base);
            Deque<String> queue = new ArrayDeque<>(new TreeSet<>(roots));
            Set<String> seen = new HashSet<>(queue);
            while (!queue.isEmpty()) {
                String dir = queue.poll();
                for (String sub : directory(base, dir)) {
                    if (seen.add(sub)) {
                        queue.add(sub);
                    }
                }
            }
            return includes();
        }

        /** The lines of a Makefile that build the final link's object and library lists. */
        private final List<String> archIncludes = new ArrayList<>();

        private KbuildMakefile objectLists(KbuildMakefile mf) {
            return new KbuildMakefile(mf.path(), mf.lines().stream()
                    .filter(l -> l.text().matches("^(ALL_OBJS|ALL_LIBS|ARCH_LIBS)-.*")).toList());
        }

        private static String stripDot(String dir) {
            return dir.startsWith("./") ? dir.substring(2) : dir;
        }

        private void seed(MakeInterpreter m) {
            config.forEach((k, v) -> m.set(k, autoConfValue(v)));
            m.set("srctree", ".");
            m.set("objtree", ".");
            m.set("abs_srctree", "/xen-build");
            m.set("abs_objtree", "/xen-build");
            m.set("XEN_ROOT", "..");
            // the names Xen 4.16 and older use for the same things
            m.set("BASEDIR", ".");
            m.set("TARGET_ARCH", arch.srcArch());
            m.set("TARGET_SUBARCH", arch.targetArch());
            m.set("TARGET", "xen");
            m.set("ARCH", arch.targetArch());
            m.set("SRCARCH", arch.srcArch());
            m.set("XEN_TARGET_ARCH", arch.targetArch());
            m.set("XEN_COMPILE_ARCH", arch.targetArch());
            m.set("comma", ",");
            m.set("empty", "");
            m.set("space", " ");
            profile.makeVariables().forEach(m::setProbeAnswer);
            String p = arch.targetArch() + ".";
            for (String key : toolchain.stringPropertyNames()) {
                if (key.startsWith(p)) {
                    m.setCommandLine(key.substring(p.length()), toolchain.getProperty(key));
                }
            }
        }

        /**
         * Up to Xen 4.16 the arch headers live in {@code include/asm-<arch>/} and the top Makefile's
         * {@code prepare} recipe links them in before anything compiles ({@code [ -e include/asm ] || ln -sf
         * asm-$(TARGET_ARCH) include/asm}), so {@code <asm/...>} is found through {@code -Iinclude}. Every
         * {@code ln -s} recipe whose expanded link points at a folder of the tree is followed the same way;
         * the others (installed EFI images and the like) name no folder and are ignored.
         */
        private void symbolicLinks(MakeInterpreter top, KbuildMakefile mf) {
            for (KbuildMakefile.Line l : mf.lines()) {
                if (!l.recipePrefixed()) {
                    continue;
                }
                Matcher m = SYMLINK_RECIPE.matcher(l.text());
                while (m.find()) {
                    String target = top.expandText(m.group(1));
                    String link = MakeInterpreter.normalize(top.expandText(m.group(2)));
                    String folder = MakeInterpreter.normalize(target.startsWith("/") ? target
                            : parent(link).isEmpty() ? target : parent(link) + "/" + target);
                    if (!link.isEmpty() && !folder.isEmpty() && isDirectory(folder) && !isDirectory(link) && !isFile(link)) {
                        buildLinks.putIfAbsent(link, folder);
                    }
                }
            }
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

        /** scripts/Makefile.asm-generic: each generic-y header becomes a one-line wrapper of asm-generic's. */
        private void asmGenericWrappers(MakeInterpreter base) {
            String src = "arch/" + arch.srcArch() + "/include/asm";
            MakeInterpreter m = base.copy(warnings);
            m.set("obj", "arch/" + arch.srcArch() + "/include/generated/asm");
            m.set("src", src);
            m.include(src + "/Makefile", true);
            for (String h : m.wordsOf("generic-y")) {
                String path = "arch/" + arch.srcArch() + "/include/generated/asm/" + h;
                generated.put(path, new Generated(path, SourceOrigin.generatedFrom(prefix + "include/asm-generic/" + h),
                        Optional.of("#include <asm-generic/" + h + ">\n")));
            }
        }

        /** Evaluates one directory as {@code make -f Rules.mk obj=dir} does; returns the sub-directories to descend into. */
        private List<String> directory(MakeInterpreter base, String dir) {
            MakeInterpreter m = base.copy(warnings);
            m.set("obj", dir);
            m.set("src", dir);
            m.set("srcdir", "./" + dir);
            for (String v : List.of("obj-y", "lib-y", "targets", "subdir-y", "CFLAGS-y", "AFLAGS-y", "cov-cflags-y",
                    "nocov-y", "noubsan-y")) {
                m.set(v, "");
            }
            String mk = isFile(dir + "/build.mk") ? dir + "/build.mk" : dir + "/Makefile";
            if (!isFile(mk)) {
                warnings.add(new KbuildWarning(prefix + dir, 0, "directory to build has no Makefile"));
                return List.of();
            }
            m.include(mk, false);

            List<String> objY = m.wordsOf("obj-y");
            Set<String> objSet = new HashSet<>(objY);
            List<String> libY = new TreeSet<>(m.wordsOf("lib-y")).stream().filter(o -> !objSet.contains(o)).toList();
            TreeSet<String> subdirs = new TreeSet<>(m.wordsOf("subdir-y"));
            objY.stream().filter(o -> o.endsWith("/")).forEach(o -> subdirs.add(o.substring(0, o.length() - 1)));

            LinkedHashSet<String> objects = new LinkedHashSet<>();
            objY.stream().filter(o -> !o.endsWith("/")).forEach(objects::add);
            objects.addAll(m.wordsOf("obj-bin-y"));
            objects.addAll(libY);
            m.wordsOf("extra-y").stream().filter(o -> o.endsWith(".o")).forEach(objects::add);
            m.wordsOf("targets").stream().filter(o -> o.endsWith(".o")).forEach(objects::add);
            for (String e : m.wordsOf("extra-y")) {
                if (!e.endsWith(".o")) {
                    String path = MakeInterpreter.normalize(dir + "/" + e);
                    generated.putIfAbsent(path, new Generated(path, SourceOrigin.generatedFrom(prefix + dir + "/Makefile"), Optional.empty()));
                }
            }

            List<MakeRule> rules = m.rules();
            Map<String, MakeRule> explicit = new HashMap<>();
            for (MakeRule r : rules) {
                if (!r.pattern() && r.hasRecipe()) {
                    for (String t : r.targets()) {
                        explicit.putIfAbsent(MakeInterpreter.normalize(t), r);
                    }
                }
            }
            SearchPath search = searchPath(m, dir);
            Deque<String> todo = new ArrayDeque<>();
            objects.forEach(o -> todo.add(MakeInterpreter.normalize(dir + "/" + o)));
            Set<String> done = new HashSet<>();
            while (!todo.isEmpty()) {
                String o = todo.poll();
                if (!done.add(o)) {
                    continue;
                }
                MakeRule made = explicit.get(o);
                if (made != null) {
                    // made by its own recipe (ld, objcopy...): no source of its own, but its objects are built
                    made.prerequisites().stream().map(MakeInterpreter::normalize).filter(p -> p.endsWith(".o")).forEach(todo::add);
                    continue;
                }
                if (o.endsWith(".init.o")) {
                    // Rules.mk: %.init.o is an objcopy of %.o, compiled with -DINIT_SECTIONS_ONLY
                    String plain = o.substring(0, o.length() - ".init.o".length()) + ".o";
                    initObjects.add(plain);
                    todo.add(plain);
                    continue;
                }
                resolveObject(o, dir, rules, explicit, search);
            }
            return subdirs.stream().map(s -> MakeInterpreter.normalize(dir + "/" + s)).toList();
        }

        /** The implicit-rule search make does for {@code o}: rules of this directory first, then Rules.mk's. */
        private void resolveObject(String o, String dir, List<MakeRule> rules, Map<String, MakeRule> explicit, SearchPath search) {
            record Candidate(String target, String prerequisite, int order, String stem) {
            }
            List<String[]> patterns = new ArrayList<>();
            for (MakeRule r : rules) {
                if (r.pattern() && r.hasRecipe() && !r.prerequisites().isEmpty()) {
                    for (String t : r.targets()) {
                        patterns.add(new String[] {MakeInterpreter.normalize(t), MakeInterpreter.normalize(r.prerequisites().get(0))});
                    }
                }
            }
            List<String[]> all = new ArrayList<>(patterns);
            all.add(new String[] {dir + "/%.o", dir + "/%.c"});
            all.add(new String[] {dir + "/%.o", dir + "/%.S"});
            List<Candidate> candidates = new ArrayList<>();
            for (int k = 0; k < all.size(); k++) {
                Optional<String> stem = MakeInterpreter.stem(all.get(k)[0], o);
                if (stem.isPresent()) {
                    candidates.add(new Candidate(all.get(k)[0], all.get(k)[1], k, stem.get()));
                }
            }
            candidates.sort(Comparator.comparingInt((Candidate c) -> c.stem().length()).thenComparingInt(Candidate::order));
            for (Candidate c : candidates) {
                String src = c.prerequisite().replace("%", c.stem());
                if (isFile(src)) {
                    addUnit(o, src, SourceOrigin.tracked(), search);
                    return;
                }
                MakeRule rule = explicit.get(src);
                if (rule != null) {
                    String from = rule.prerequisites().stream().filter(p -> !p.equals("FORCE")).findFirst()
                            .map(p -> prefix + MakeInterpreter.normalize(p)).orElse("");
                    addUnit(o, src, SourceOrigin.generatedFrom(from), search);
                    if (from.endsWith("/binfile")) {
                        binfileText(rule, src, from).ifPresent(t -> generated.put(src, new Generated(src,
                                SourceOrigin.generatedFrom(from), Optional.of(t))));
                    }
                    return;
                }
            }
            // second pass: a source that another pattern rule can make (e.g. the EFI links to common/efi)
            for (Candidate c : candidates) {
                String src = c.prerequisite().replace("%", c.stem());
                for (String[] p : patterns) {
                    Optional<String> stem = MakeInterpreter.stem(p[0], src);
                    if (stem.isEmpty() || p[1].endsWith(".o")) {
                        continue;
                    }
                    String input = p[1].replace("%", stem.get());
                    if (isFile(input)) {
                        boolean sameKind = extension(input).equals(extension(src));
                        addUnit(o, src, sameKind ? SourceOrigin.copyOf(prefix + input) : SourceOrigin.generatedFrom(prefix + input), search);
                        return;
                    }
                }
            }
            warnings.add(new KbuildWarning(prefix + dir + "/Makefile", 0, "object with no source: " + prefix + o));
        }

        /**
         * The text {@code tools/binfile} writes for {@code src} (Rules.mk: {@code cmd_binfile = binfile
         * $(BINFILE_FLAGS) $@ $(2)}): the script's here-document with its variables substituted, the
         * options and positional arguments read from its own assignments. The script is read, never run.
         */
        private Optional<String> binfileText(MakeRule rule, String src, String script) {
            String mkPath = rule.file().startsWith(prefix) ? rule.file().substring(prefix.length()) : rule.file();
            Optional<KbuildMakefile> mf = makefile(mkPath);
            String scriptPath = script.startsWith(prefix) ? script.substring(prefix.length()) : script;
            if (mf.isEmpty() || !isFile(scriptPath)) {
                return Optional.empty();
            }
            String dir = parent(src);
            String name = src.substring(src.lastIndexOf('/') + 1);
            Optional<String> args = Optional.empty();
            String flags = "";
            Pattern flagLine = Pattern.compile("^\\S*" + Pattern.quote(name) + "\\s*:\\s*BINFILE_FLAGS\\s*:?=(.*)$");
            for (KbuildMakefile.Line l : mf.get().lines()) {
                Matcher fm = flagLine.matcher(l.text());
                if (fm.matches()) {
                    flags = fm.group(1).strip();
                }
                int call = l.text().indexOf("binfile,");
                if (args.isEmpty() && l.number() > rule.line() && l.recipePrefixed() && call >= 0) {
                    int close = l.text().lastIndexOf(')');
                    args = Optional.of(l.text().substring(call + "binfile,".length(), close < call ? l.text().length() : close)
                            .replace("$(obj)", dir).replace("$(src)", dir).strip());
                }
            }
            if (args.isEmpty()) {
                warnings.add(new KbuildWarning(rule.file(), rule.line(), "binfile rule without a recognisable recipe for " + prefix + src));
                return Optional.empty();
            }
            List<String> positional = new ArrayList<>();
            positional.add(src);
            positional.addAll(MakeInterpreter.words(args.get()));
            Map<String, String> options = new HashMap<>();
            List<String> f = MakeInterpreter.words(flags);
            for (int k = 0; k < f.size(); k++) {
                if (f.get(k).startsWith("-") && f.get(k).length() == 2) {
                    String opt = f.get(k).substring(1);
                    boolean takesArgument = k + 1 < f.size() && !f.get(k + 1).startsWith("-");
                    options.put(opt, takesArgument ? f.get(++k) : "");
                }
            }
            return Optional.of(hereDocument(new String(readTracked(scriptPath), StandardCharsets.UTF_8), positional, options));
        }

        private void addUnit(String object, String src, SourceOrigin origin, SearchPath search) {
            if (!isSource(src)) {
                return; // made by objcopy from a non-C input (e.g. an ihex file): not a translation unit
            }
            units.putIfAbsent(src, new TranslationUnit(prefix + src, prefix + object, origin));
            unitSearch.putIfAbsent(src, search);
            if (origin.generated()) {
                Optional<String> text = Optional.empty();
                generated.putIfAbsent(src, new Generated(src, origin, text));
            }
        }

        /** -iquote/-I/-include as Xen's Makefile sets them for every object, then this directory's CFLAGS-y. */
        private SearchPath searchPath(MakeInterpreter m, String dir) {
            List<String> quote = new ArrayList<>();
            List<String> incl = new ArrayList<>(List.of("include", "arch/" + arch.srcArch() + "/include",
                    "arch/" + arch.srcArch() + "/include/generated"));
            incl.addAll(archIncludes);
            List<String> forced = new ArrayList<>(List.of("include/xen/config.h"));
            List<String> defines = new ArrayList<>();
            List<String> flags = MakeInterpreter.words(m.value("CFLAGS-y"));
            for (int k = 0; k < flags.size(); k++) {
                String f = flags.get(k);
                String next = k + 1 < flags.size() ? flags.get(k + 1) : "";
                if (f.equals("-iquote")) {
                    quote.add(MakeInterpreter.normalize(next));
                    k++;
                } else if (f.equals("-I")) {
                    incl.add(MakeInterpreter.normalize(next));
                    k++;
                } else if (f.startsWith("-I")) {
                    incl.add(MakeInterpreter.normalize(f.substring(2)));
                } else if (f.equals("-include")) {
                    forced.add(MakeInterpreter.normalize(next));
                    k++;
                } else if (f.startsWith("-D") && f.length() > 2) {
                    defines.add(f.substring(2).replaceFirst("=", " "));
                }
            }
            return new SearchPath(List.copyOf(quote), List.copyOf(incl), List.copyOf(forced), List.copyOf(defines));
        }

        // ---- includes ------------------------------------------------------------------------

        private BuildAnalysis includes() {
            Set<String> cloc = new TreeSet<>();
            Map<String, Boolean> headers = new TreeMap<>();
            Map<String, ConditionEvaluator.Macro> base = baseMacros();
            String fingerprint = generatedFingerprint();
            Map<String, BitSet> inactive = new HashMap<>();
            Set<BitSet> applied = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            for (Map.Entry<String, TranslationUnit> e : units.entrySet()) {
                String src = e.getKey();
                SearchPath sp = unitSearch.get(src);
                Map<String, ConditionEvaluator.Macro> initial = new HashMap<>(base);
                List<String> defines = new ArrayList<>(sp.defines());
                if (src.endsWith(".S")) {
                    defines.add("__ASSEMBLER__ 1");
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
                // a line is active when any unit keeps it: intersect the inactive sets of every reading
                for (FileLines fl : unit.lines) {
                    if (applied.add(fl.inactive())) {
                        BitSet acc = inactive.get(fl.file());
                        if (acc == null) {
                            inactive.put(fl.file(), (BitSet) fl.inactive().clone());
                        } else {
                            acc.and(fl.inactive());
                        }
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

        /** The macros every unit starts with: the compiler's (toolchain profile) and autoconf.h's. */
        private Map<String, ConditionEvaluator.Macro> baseMacros() {
            Map<String, ConditionEvaluator.Macro> macros = new HashMap<>();
            List<String> predefined = profile.predefinedMacros().isEmpty()
                    ? List.of("predefined-" + arch.targetArch() + ".h") : profile.predefinedMacros();
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
                    if (ce.reads(w.recording().reads())) {
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
                        OptionalLong v = kw.equals("if") ? condition(ce, file, d, mine)
                                : OptionalLong.of(ce.isDefined(d.argument()) == kw.equals("ifdef") ? 1 : 0);
                        branch(v, cur, top, level, taken, unknown);
                    }
                    case "elif" -> {
                        int parent = top > 0 ? level[top - 1] : 2;
                        if (top == 0 || taken[top] || parent == 0) {
                            level[top] = 0;
                            continue;
                        }
                        branch(condition(ce, file, d, mine), parent, top, level, taken, unknown);
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

        private OptionalLong condition(ConditionEvaluator ce, String file, PreprocessorScan.Directive d, Collector out) {
            OptionalLong v = ce.evaluate(d.argument());
            if (v.isEmpty()) {
                out.undecided.add(file + ":" + d.line());
            }
            return v;
        }

        private void include(String file, PreprocessorScan.Directive d, ConditionEvaluator ce, SearchPath sp, String spKey,
                Collector out, int depth, boolean live) {
            String arg = d.argument();
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
            String key = (angled ? "<" : "\"" + parent(file)) + "|" + name + "|" + next + "|" + (next ? file : "") + "|" + spKey;
            Optional<String> r = resolveCache.computeIfAbsent(key, k -> resolveInclude(file, name, angled, next, sp));
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
    }

    private static final Pattern ASSIGNMENT = Pattern.compile("^\\s*([A-Za-z_][A-Za-z0-9_]*)=(.*)$");
    private static final Pattern OPTION_CASE = Pattern.compile("^\\s*([A-Za-z])\\)\\s*$");
    private static final Pattern HERE_DOC = Pattern.compile("^\\s*cat\\s+<<\\s*'?([A-Za-z_]+)'?.*$");
    private static final Pattern SHELL_VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)\\}|\\$([A-Za-z_][A-Za-z0-9_]*|[0-9])");

    /**
     * The output of a generator script of the {@code tools/binfile} kind: plain assignments
     * (defaults, {@code x) var=...} branches of its option {@code case}, {@code var=$N}) followed
     * by one {@code cat <<EOF} here-document.
     */
    static String hereDocument(String script, List<String> positional, Map<String, String> options) {
        Map<String, String> vars = new HashMap<>();
        String option = null;
        StringBuilder out = null;
        String terminator = null;
        for (String line : script.split("\n", -1)) {
            if (out != null) {
                if (line.strip().equals(terminator)) {
                    return out.toString();
                }
                out.append(substitute(line, vars, positional)).append('\n');
                continue;
            }
            Matcher here = HERE_DOC.matcher(line);
            if (here.matches()) {
                terminator = here.group(1);
                out = new StringBuilder();
                continue;
            }
            Matcher opt = OPTION_CASE.matcher(line);
            if (opt.matches()) {
                option = opt.group(1);
                continue;
            }
            if (line.strip().equals(";;") || line.strip().equals("esac")) {
                option = null;
                continue;
            }
            Matcher a = ASSIGNMENT.matcher(line);
            if (a.matches() && (option == null || options.containsKey(option))) {
                String value = a.group(2).strip();
                if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
                    value = value.substring(1, value.length() - 1);
                }
                String argument = option == null ? "" : options.get(option);
                vars.put(a.group(1), substitute(value.replace("$OPTARG", argument), vars, positional));
            }
        }
        return out == null ? "" : out.toString();
    }

    private static String substitute(String text, Map<String, String> vars, List<String> positional) {
        Matcher m = SHELL_VARIABLE.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            String value;
            if (name.matches("[0-9]")) {
                int n = Integer.parseInt(name);
                value = n >= 1 && n <= positional.size() ? positional.get(n - 1) : "";
            } else {
                value = vars.getOrDefault(name, "");
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(value));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** auto.conf writes strings quoted; a value given without quotes (from a Kconfig engine) gets them back. */
    static String autoConfValue(String v) {
        if (v.startsWith("\"") || v.matches("[ymn]|-?[0-9]+|0[xX][0-9a-fA-F]+")) {
            return v;
        }
        return "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static List<KbuildWarning> dedupe(List<KbuildWarning> warnings) {
        return List.copyOf(new LinkedHashSet<>(warnings));
    }

    private byte[] readTracked(String path) {
        return tree.read(prefix + path).orElseThrow(() -> new UncheckedIOException(new IOException("cannot read " + path)));
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    private static String extension(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(dot);
    }

    private static String globRegex(String glob) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                re.append(".*");
                i++;
            } else if (c == '*') {
                re.append("[^/]*");
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return re.toString();
    }

    private static List<String> resourceLines(String name) {
        return resourceText(name).lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    /** A resource's text, empty when absent (an architecture without a toolchain profile). */
    private static String resourceText(String name) {
        try (InputStream in = KbuildEvaluator.class.getResourceAsStream(name)) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
