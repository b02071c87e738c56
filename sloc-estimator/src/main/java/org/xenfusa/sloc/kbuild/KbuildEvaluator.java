package org.xenfusa.sloc.kbuild;

import org.xenfusa.sloc.xen.XenArch;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.xenfusa.sloc.kconfig.ToolchainProfile;
import org.xenfusa.sloc.tree.SourceFile;
import org.xenfusa.sloc.tree.SourceTree;

/**
 * Decides which files one configuration of Xen compiles by evaluating its Kbuild Makefiles the
 * way {@code xen/Rules.mk} drives them (never running make), then follows {@code #include} from
 * every compiled source, so that the result is what {@code make cloc} lists after a real build.
 * One evaluator serves one tree; each evaluation is a {@link MakefileWalk} followed by an
 * {@link IncludeClosure}, and the evaluator keeps what the closure may replay across evaluations.
 */
// [impl->dsn~makefile-walk~1]
public final class KbuildEvaluator {
    // what the Makefile walk and the include closure of each evaluation read (package-private for them)
    final SourceTree tree;
    private final String prefix;
    final List<String> files;
    final Set<String> fileSet;
    final Set<String> directories;
    final Map<String, SourceFile> byPath;
    final Properties toolchain;
    final List<String> generatedHeaderGlobs;
    /** Preprocessing effects per search path and file, each with the macro reads it depends on (see IncludeClosure). */
    final Map<String, List<IncludeClosure.Walked>> walks = new ConcurrentHashMap<>();
    final Map<String, String> searchPathKeys = new ConcurrentHashMap<>();

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
        List<KbuildWarning> warnings = new ArrayList<>();
        MakefileWalk walk = new MakefileWalk(this, arch, config, profile, warnings);
        walk.run();
        return new IncludeClosure(this, walk, arch, config, profile, warnings).analyse();
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

    static List<KbuildWarning> dedupe(List<KbuildWarning> warnings) {
        return List.copyOf(new LinkedHashSet<>(warnings));
    }

    byte[] readTracked(String path) {
        return tree.read(prefix + path).orElseThrow(() -> new UncheckedIOException(new IOException("cannot read " + path)));
    }

    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    static String extension(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(dot);
    }

    static String globRegex(String glob) {
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
    static String resourceText(String name) {
        try (InputStream in = KbuildEvaluator.class.getResourceAsStream(name)) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
