package org.xenfusa.sloc.kbuild;

import org.xenfusa.sloc.xen.XenArch;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.xenfusa.sloc.kconfig.ToolchainProfile;
import org.xenfusa.sloc.tree.SourceFile;

import static org.xenfusa.sloc.kbuild.KbuildEvaluator.autoConfValue;
import static org.xenfusa.sloc.kbuild.KbuildEvaluator.extension;
import static org.xenfusa.sloc.kbuild.KbuildEvaluator.hereDocument;
import static org.xenfusa.sloc.kbuild.KbuildEvaluator.parent;

/**
 * The Makefile walk of one configuration (the design's "Kbuild Makefiles --> compiled .c/.S files"):
 * evaluates Xen's Makefiles the way {@code xen/Rules.mk} drives them, never running make, and finds
 * the translation units, the include search of each, the files the build makes and the folders it links.
 */
// [impl->dsn~makefile-walk~1]
final class MakefileWalk implements BuildFolder {
    /** A recipe that makes a symbolic link: {@code ln -s[f] TARGET LINK} (Xen up to 4.16: {@code include/asm}). */
    private static final Pattern SYMLINK_RECIPE = Pattern.compile("\\bln\\s+-s[f]?\\s+(\\S+)\\s+(\\S+)");
    /*
     * Parsed Makefiles by blob id, shared by every evaluation of the process (a Makefile unchanged between
     * two tags is parsed once). Bounded: the web app lives long and ingests many tags; a few hundred per tag.
     */
    private static final Cache<String, KbuildMakefile> MAKEFILES = Caffeine.newBuilder().maximumSize(8_000).build();

    /** A file the build creates: a copy of a tracked file, a synthesised wrapper, or opaque generated content. */
    record Generated(String path, SourceOrigin origin, Optional<String> text) {
    }

    /**
     * How one object is compiled, as far as the preprocessor is concerned: its search path, forced includes and
     * {@code -D} flags, and {@code targetFlag} when the object is compiled for another target than the
     * architecture's ({@code -m32} for x86's 32-bit boot code), empty otherwise.
     */
    record SearchPath(List<String> quoteDirs, List<String> includeDirs, List<String> forced, List<String> defines,
            String targetFlag) {
        SearchPath withTargetFlag(String flag) {
            return new SearchPath(quoteDirs, includeDirs, forced, defines, flag);
        }
    }

    /** The compiler flags that select another target than the architecture's, as Xen's Makefiles use them. */
    private static final List<String> TARGET_FLAGS = List.of("-m32");

    /** The tree's files and paths, as the evaluator that runs this walk indexed them. */
    private final KbuildEvaluator evaluator;
    private final String prefix;
    private final Map<String, SourceFile> byPath;
    private final Properties toolchain;
    private final XenArch arch;
    private final Map<String, String> config;
    private final ToolchainProfile profile;
    private final List<KbuildWarning> warnings;
    private final Map<String, Generated> generated = new HashMap<>();
    private final Map<String, TranslationUnit> units = new TreeMap<>();
    private final Map<String, SearchPath> unitSearch = new HashMap<>();
    private final Set<String> initObjects = new HashSet<>();
    /** Folders the build links into the tree before compiling (link path to the folder it points at). */
    private final Map<String, String> buildLinks = new TreeMap<>();
    private final List<String> assemblerDefines = new ArrayList<>();
    /** arch.mk's own -I directories, which apply to every object. */
    private final List<String> archIncludes = new ArrayList<>();

    MakefileWalk(KbuildEvaluator evaluator, XenArch arch, Map<String, String> config, ToolchainProfile profile,
            List<KbuildWarning> warnings) {
        this.evaluator = evaluator;
        this.prefix = evaluator.xenFolder();
        this.byPath = evaluator.byPath;
        this.toolchain = evaluator.toolchain;
        this.arch = arch;
        this.config = config;
        this.profile = profile;
        this.warnings = warnings;
    }

    /** The translation units by object path (relative to the build folder), in path order: a source may be compiled twice. */
    Map<String, TranslationUnit> units() {
        return units;
    }

    /** The include search each unit's source is compiled with. */
    Map<String, SearchPath> unitSearch() {
        return unitSearch;
    }

    /** The files the build makes, by path relative to the build folder. */
    Map<String, Generated> generated() {
        return generated;
    }

    /** The plain objects a {@code .init.o} is made from (compiled with {@code -DINIT_SECTIONS_ONLY}). */
    Set<String> initObjects() {
        return initObjects;
    }

    /** Folders linked into the tree by the build: link path to the folder it points at. */
    Map<String, String> buildLinks() {
        return buildLinks;
    }

    /** The {@code -D} flags xen/Makefile gives every assembler source ({@code AFLAGS += -D__ASSEMBLY__} up to 4.21). */
    List<String> assemblerDefines() {
        return assemblerDefines;
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
        return evaluator.fileSet.contains(path);
    }

    @Override
    public boolean isDirectory(String path) {
        return evaluator.directories.contains(path);
    }

    @Override
    public List<String> files() {
        return evaluator.files;
    }

    /** Walks the top Makefile, then every directory the final link takes, as {@code make -f Rules.mk obj=dir} does. */
    void run() {
        MakeInterpreter base = new MakeInterpreter(this, warnings);
        seed(base);
        base.include("scripts/Kbuild.include", false);

        // xen/Makefile: the objects and libraries the final link takes, then the arch's additions
        MakeInterpreter top = base.copy(warnings);
        makefile("Makefile").ifPresent(mf -> assemblerDefines(base, mf));
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
        compatXlatHeader(base);
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
    }

    /**
     * The {@code -D} flags xen/Makefile adds to {@code AFLAGS} (evaluated as make reads it for a build), as
     * {@code NAME VALUE} defines: the Makefile is evaluated on a throwaway interpreter (probes answered by the profile,
     * {@code $(shell)} never run) only to read that variable.
     */
    private void assemblerDefines(MakeInterpreter base, KbuildMakefile mf) {
        MakeInterpreter m = base.copy(new ArrayList<>());
        m.evaluate(mf);
        for (String w : m.wordsOf("AFLAGS")) {
            if (w.startsWith("-D") && w.length() > 2) {
                assemblerDefines.add(w.substring(2).replaceFirst("=", " "));
            }
        }
    }

    /** The lines of a Makefile that build the final link's object and library lists. */
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
        m.set("XEN_TREEWIDE_CFLAGS", treewideCflags());
        String p = arch.targetArch() + ".";
        for (String key : toolchain.stringPropertyNames()) {
            if (key.startsWith(p)) {
                m.setCommandLine(key.substring(p.length()), toolchain.getProperty(key));
            }
        }
    }

    /**
     * xen/Makefile's {@code XEN_TREEWIDE_CFLAGS := $(CFLAGS)} after Config.mk read {@code config/$(XEN_TARGET_ARCH).mk}
     * (outside xen/; e.g. {@code CFLAGS += -m64}): only that file's {@code CFLAGS} lines, which name the target.
     */
    private String treewideCflags() {
        if (prefix.isEmpty()) {
            return "";
        }
        Optional<byte[]> mk = evaluator.tree.read("config/" + arch.targetArch() + ".mk");
        if (mk.isEmpty()) {
            return "";
        }
        MakeInterpreter cflags = new MakeInterpreter(this, new ArrayList<>());
        List<KbuildMakefile.Line> lines = KbuildMakefile.parse("config/" + arch.targetArch() + ".mk",
                new String(mk.get(), StandardCharsets.UTF_8)).lines().stream()
                .filter(l -> l.text().matches("^\\s*CFLAGS\\s*[+:]?=.*")).toList();
        cflags.evaluate(new KbuildMakefile("config/" + arch.targetArch() + ".mk", lines));
        return cflags.value("CFLAGS");
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

    private static final Pattern XLAT_ENTRY = Pattern.compile("^([?!])\\s+(\\S+)\\s+(\\S+)\\s*$");

    /**
     * include/Makefile's {@code compat/xlat.h}, as far as {@code #if} can see it: for each entry of
     * {@code include/xlat.lst} whose header is among the configuration's {@code headers-y}, the macro the
     * build's generator defines for it ({@code ? name header}: {@code CHECK_name}; {@code ! name header}:
     * {@code XLAT_name(_d_, _s_)}; a leading {@code xen} of the name dropped), under the header's include guard.
     * Their bodies only matter to the compiler.
     */
    private void compatXlatHeader(MakeInterpreter base) {
        if (!isFile("include/Makefile") || !isFile("include/xlat.lst")) {
            return;
        }
        MakeInterpreter m = base.copy(new ArrayList<>());
        m.set("obj", "include");
        m.set("src", "include");
        m.set("srcdir", "./include");
        m.include("include/Makefile", true);
        Set<String> headers = new HashSet<>(m.wordsOf("headers-y"));
        if (!headers.contains("compat/xlat.h")) {
            return;
        }
        String compatArch = m.value("compat-arch-y");
        StringBuilder text = new StringBuilder("#ifndef COMPAT_XLAT_H\n#define COMPAT_XLAT_H\n");
        for (String line : new String(readTracked("include/xlat.lst"), StandardCharsets.UTF_8).split("\n")) {
            Matcher e = XLAT_ENTRY.matcher(line.replace("@arch@", compatArch));
            if (e.matches() && headers.contains("compat/" + e.group(3))) {
                // the generator names the macros after the structure without a leading "xen" (xenctl_bitmap: ctl_bitmap)
                String name = e.group(2).startsWith("xen") ? e.group(2).substring(3) : e.group(2);
                text.append(e.group(1).equals("?") ? "#define CHECK_" + name + "\n" : "#define XLAT_" + name + "(_d_, _s_)\n");
            }
        }
        text.append("#endif /* COMPAT_XLAT_H */\n");
        generated.put("include/compat/xlat.h", new Generated("include/compat/xlat.h",
                SourceOrigin.generatedFrom(prefix + "include/xlat.lst"), Optional.of(text.toString())));
        // every other compat header starts as tools/compat-build-header.py writes it: its guard, xen/compat.h (which
        // brings xlat.h) and, unless it is an arch-* header, the public header it translates; the translated body
        // is the compiler's business (its own #if and #include are not known here)
        for (String h : headers) {
            if (h.equals("compat/xlat.h") || !h.endsWith(".h")) {
                continue;
            }
            String guard = "_" + h.toUpperCase(java.util.Locale.ROOT).replaceAll("[-/.]", "_");
            String publicHeader = h.replaceFirst("^compat/", "public/");
            String prologue = "#ifndef " + guard + "\n#define " + guard + "\n#include <xen/compat.h>\n"
                    + (h.matches("compat/arch-.*\\.h") ? "" : "#include <" + publicHeader + ">\n") + "#endif\n";
            generated.put("include/" + h, new Generated("include/" + h,
                    SourceOrigin.generatedFrom(prefix + "include/" + publicHeader), Optional.of(prologue)));
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
            resolveObject(o, dir, rules, explicit, objectSearch(m, o, search));
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
            Optional<String> prerequisite = patternPrerequisite(all.get(k), o);
            if (prerequisite.isPresent()) {
                candidates.add(new Candidate(all.get(k)[0], prerequisite.get(), k, patternStem(all.get(k)[0], o)));
            }
        }
        candidates.sort(Comparator.comparingInt((Candidate c) -> c.stem().length()).thenComparingInt(Candidate::order));
        for (Candidate c : candidates) {
            String src = c.prerequisite();
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
            String src = c.prerequisite();
            for (String[] p : patterns) {
                Optional<String> made = patternPrerequisite(p, src);
                if (made.isEmpty() || p[1].endsWith(".o")) {
                    continue;
                }
                String input = made.get();
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
     * The prerequisite pattern rule {@code rule} ({target, prerequisite}) gives {@code file}, if it matches.
     * A target pattern without a slash is matched against the file's name alone and the prerequisite is
     * taken in the file's directory: Xen up to 4.16 runs make inside each directory ({@code make -C}), so
     * its rules read {@code guest_walk_%.o: guest_walk.c} and mean the files of that directory.
     */
    private static Optional<String> patternPrerequisite(String[] rule, String file) {
        String target = rule[0];
        int slash = file.lastIndexOf('/');
        if (target.contains("/") || slash < 0) {
            return MakeInterpreter.stem(target, file).map(stem -> rule[1].replace("%", stem));
        }
        String dir = file.substring(0, slash + 1);
        return MakeInterpreter.stem(target, file.substring(slash + 1)).map(stem -> dir + rule[1].replace("%", stem));
    }

    /** make prefers the rule with the shortest stem; a slash-less pattern's stem includes the file's directory. */
    private static String patternStem(String target, String file) {
        int slash = file.lastIndexOf('/');
        if (target.contains("/") || slash < 0) {
            return MakeInterpreter.stem(target, file).orElse("");
        }
        return file.substring(0, slash + 1) + MakeInterpreter.stem(target, file.substring(slash + 1)).orElse("");
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

    /**
     * The search path of object {@code o}, with the target its target-specific {@code XEN_CFLAGS} select (x86's
     * boot code: {@code $(obj32): XEN_CFLAGS := $(CFLAGS_x86_32) -fpic}, where {@code -m64} became {@code -m32}).
     */
    private SearchPath objectSearch(MakeInterpreter m, String o, SearchPath search) {
        List<String> flags = MakeInterpreter.words(m.valueFor(o, "XEN_CFLAGS"));
        return TARGET_FLAGS.stream().filter(flags::contains).findFirst().map(search::withTargetFlag).orElse(search);
    }

    private void addUnit(String object, String src, SourceOrigin origin, SearchPath search) {
        if (!isSource(src)) {
            return; // made by objcopy from a non-C input (e.g. an ihex file): not a translation unit
        }
        units.putIfAbsent(object, new TranslationUnit(prefix + src, prefix + object, origin));
        unitSearch.putIfAbsent(object, search);
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
        return new SearchPath(List.copyOf(quote), List.copyOf(incl), List.copyOf(forced), List.copyOf(defines), "");
    }

    private static boolean isSource(String f) {
        return f.endsWith(".c") || f.endsWith(".S");
    }

    private byte[] readTracked(String path) {
        return evaluator.readTracked(path);
    }
}
