package org.xenfusa.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.xenfusa.sloc.tree.GitObjectCache;

/**
 * Prepares the extracted run layout ({@code web-app/target/fusa-run}) for the JVM's application class-data
 * sharing (AppCDS), which the {@code fusa} script uses to start one-shot commands faster. Two steps, each its own
 * JVM, run by the script once after it extracts the jar:
 * <ul>
 * <li>{@code unsign LIB_DIR}: removes the signature files of signed library jars in the layout (JGit is the only
 * one). The JVM never archives classes of a signed jar, and verifies the signature on every start; the copy in
 * the layout is only run locally, the built jar ({@code fusa.jar}) is left as it is.</li>
 * <li>{@code train}: the training run, started with {@code -XX:ArchiveClassesAtExit}: counts a small synthetic
 * git repository as {@code fusa sloc} (table and JSON) and {@code fusa config-sloc} do, so that the archive
 * holds the classes a typical command loads (JGit, the counters, the JDK classes they use). Prints nothing.</li>
 * </ul>
 * The archive only makes a start faster: a missing or stale archive changes no output, the JVM falls back.
 */
public final class StartupArchive {
    /** Signature files of a signed jar (JAR File Specification, "Signed JAR File"). */
    private static final Pattern SIGNATURE = Pattern.compile("[^/]+\\.(SF|RSA|DSA|EC)");

    private StartupArchive() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("unsign")) {
            unsign(Path.of(args[1]));
        } else if (args.length == 1 && args[0].equals("train")) {
            train();
        } else {
            System.err.println("usage: StartupArchive unsign LIB_DIR | train");
            System.exit(FusaCommandLine.BAD_INPUT);
        }
    }

    /** Removes the signature files of every signed jar directly in {@code dir}; returns the jars changed. */
    static List<Path> unsign(Path dir) throws IOException {
        List<Path> changed = new ArrayList<>();
        List<Path> jars;
        try (Stream<Path> s = Files.list(dir)) {
            jars = s.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        }
        for (Path jar : jars) {
            try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + jar.toUri()), Map.of())) {
                Path metaInf = zip.getPath("META-INF");
                if (!Files.isDirectory(metaInf)) {
                    continue;
                }
                List<Path> signatures;
                try (Stream<Path> s = Files.list(metaInf)) {
                    signatures = s.filter(p -> SIGNATURE.matcher(p.getFileName().toString()).matches()).toList();
                }
                for (Path signature : signatures) {
                    Files.delete(signature);
                }
                if (!signatures.isEmpty()) {
                    changed.add(jar);
                }
            }
        }
        return changed;
    }

    /** The training run: what {@code fusa sloc} and {@code fusa config-sloc} load, on a synthetic repository. */
    static void train() throws IOException, GitAPIException {
        GitObjectCache.install();
        Path dir = Files.createTempDirectory("fusa-cds-training");
        PrintStream out = System.out;
        PrintStream err = System.err;
        PrintStream none = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        try {
            try (Git git = Git.init().setDirectory(dir.toFile()).call()) {
                write(dir, "xen/common/a.c", "/* a */\n#include <xen/a.h>\n\nint a(void)\n{\n    return 1; // one\n}\n");
                write(dir, "xen/include/xen/a.h", "#ifndef A_H\n#define A_H\nint a(void);\n#endif\n");
                write(dir, "xen/arch/x86/b.S", "/* b */\n.globl b\nb:\n    ret\n");
                write(dir, "xen/Makefile", "# xen\nobj-y += common/\n");
                write(dir, "xen/common/Makefile", "obj-y += a.o\n");
                write(dir, "xen/Kconfig", "mainmenu \"Xen\"\nconfig A\n\tbool \"a\"\n\tdefault y\n");
                write(dir, "xen/tools/x.py", "# x\nprint('x')\n");
                write(dir, "docs/readme.txt", "text\n");
                git.add().addFilepattern(".").call();
                git.commit().setMessage("training").setAuthor("fusa", "fusa@localhost")
                        .setCommitter("fusa", "fusa@localhost").setSign(false).call();
            }
            System.setOut(none);
            System.setErr(none);
            String repo = dir.toString();
            FusaCommandLine.run(new String[] {"sloc", "--repo", repo, "--ref", "HEAD", "--path", "xen/"});
            FusaCommandLine.run(new String[] {"sloc", "--repo", repo, "--ref", "HEAD", "--path", "xen/", "--json"});
            FusaCommandLine.run(new String[] {"config-sloc", "--repo", repo, "--ref", "HEAD", "--arch", "x86_64",
                    "--defconfig"});
        } finally {
            System.setOut(out);
            System.setErr(err);
            deleteTree(dir);
        }
    }

    private static void write(Path root, String path, String text) throws IOException {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
