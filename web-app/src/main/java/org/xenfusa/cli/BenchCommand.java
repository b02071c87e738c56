package org.xenfusa.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.xenfusa.sloc.count.ClocCounter;
import org.xenfusa.sloc.report.TreeCounter;
import org.xenfusa.sloc.tree.GitSourceTree;
import org.xenfusa.sloc.tree.SourceFile;
import org.xenfusa.sloc.tree.SourceTree;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fusa bench}: benchmarks that print figures (never pass/fail). */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks that print figures.",
        subcommands = {BenchCommand.Sloc.class, BenchExportCommand.class, BenchTraceCommand.class, BenchPageCommand.class,
                BenchImportCommand.class, BenchApiCommand.class, BenchLoadCommand.class, BenchMisraCommand.class, BenchCoverageCommand.class,
                ConfigurationBenchCommands.Kconfig.class, ConfigurationBenchCommands.ConfigSloc.class})
final class BenchCommand {

    /** Counting speed against the bare blob read, and many tags against one. */
    @Command(name = "sloc", mixinStandardHelpOptions = true,
            description = "Time reading and counting a tree (warm JVM), and ingesting many tags with the blob cache.")
    static final class Sloc implements Callable<Integer> {
        @Option(names = "--repo", required = true)
        String repo;

        @Option(names = "--ref", defaultValue = "HEAD")
        String ref;

        @Option(names = "--path", defaultValue = "xen/")
        String path;

        @Option(names = "--tags", defaultValue = "RELEASE-4.*", description = "Tag pattern for the many-tags figure.")
        String tags;

        @Option(names = "--runs", defaultValue = "10")
        int runs;

        @Override
        public Integer call() throws Exception {
            try (TreeSource source = TreeSource.open(repo, ref)) {
                SourceTree tree = source.tree();
                String prefix = path.isEmpty() || path.endsWith("/") ? path : path + "/";
                List<SourceFile> files = tree.filesUnder(prefix);
                long bytes = files.stream().mapToLong(SourceFile::size).sum();
                TreeCounter counter = new TreeCounter(new ClocCounter());
                System.out.printf("tree %s at %s under '%s': %d files, %d bytes%n", repo,
                        tree.commit().orElse("(folder)"), prefix, files.size(), bytes);
                for (int i = 0; i < 3; i++) { // warm-up
                    readAll(tree, files);
                    counter.count(tree, prefix, d -> { });
                }
                double[] read = new double[runs];
                double[] count = new double[runs];
                for (int i = 0; i < runs; i++) {
                    long t0 = System.nanoTime();
                    readAll(tree, files);
                    long t1 = System.nanoTime();
                    counter.count(tree, prefix, d -> { });
                    long t2 = System.nanoTime();
                    read[i] = (t1 - t0) / 1e9;
                    count[i] = (t2 - t1) / 1e9;
                }
                double r = median(read);
                double c = median(count);
                System.out.printf("read blobs only (floor): median %.3f s, %.0f files/s, %.1f MB/s%n", r,
                        files.size() / r, bytes / r / 1e6);
                System.out.printf("read + count:            median %.3f s, %.0f files/s, %.1f MB/s%n", c,
                        files.size() / c, bytes / c / 1e6);
                System.out.printf("counting overhead over the read: %+.0f%%%n", (c / r - 1) * 100);
                if (source.repository() != null) {
                    tagSweep(source.repository(), ref, prefix);
                }
            }
            return FusaCommandLine.OK;
        }

        /**
         * The ingest algorithm's cost across tags: each blob counted once for a file name, as the
         * database cache does, held here in memory so that the figure is the counting work alone.
         */
        private void tagSweep(Repository repo, String oneRef, String prefix) throws IOException {
            Pattern glob = Pattern.compile(tags.replace(".", "\\.").replace("*", ".*").replace("?", "."));
            List<String> names = new ArrayList<>();
            for (Ref t : repo.getRefDatabase().getRefsByPrefix(Constants.R_TAGS)) {
                String n = Repository.shortenRefName(t.getName());
                if (glob.matcher(n).matches()) {
                    names.add(n);
                }
            }
            if (names.isEmpty()) {
                System.out.println("no tag matches " + tags + ": no many-tags figure");
                return;
            }
            ClocCounter counter = new ClocCounter();
            ingest(repo, List.of(oneRef), prefix, counter, new HashSet<>()); // warm-up
            long t0 = System.nanoTime();
            int counted = ingest(repo, List.of(oneRef), prefix, counter, new HashSet<>());
            double one = (System.nanoTime() - t0) / 1e9;
            long t1 = System.nanoTime();
            int countedAll = ingest(repo, names, prefix, counter, new HashSet<>());
            double all = (System.nanoTime() - t1) / 1e9;
            System.out.printf("ingest 1 tag (%s): %.2f s, %d blobs counted%n", oneRef, one, counted);
            System.out.printf("ingest %d tags (%s): %.2f s, %d distinct blobs counted (%.1fx one tag's); ratio to one tag %.1fx%n",
                    names.size(), tags, all, countedAll, (double) countedAll / counted, all / one);
        }

        /** The ingest loop: only blobs new to the cache are read and counted, on all cores. */
        private static int ingest(Repository repo, List<String> refs, String prefix, ClocCounter counter,
                Set<String> cache) throws IOException {
            int counted = 0;
            TreeCounter treeCounter = new TreeCounter(counter);
            for (String ref : refs) {
                try (GitSourceTree tree = GitSourceTree.open(repo, ref)) {
                    List<SourceFile> fresh = tree.filesUnder(prefix).stream()
                            .filter(f -> cache.add(f.blobId() + '\0' + f.name())).toList();
                    treeCounter.count(tree, fresh, done -> { });
                    counted += fresh.size();
                }
            }
            return counted;
        }

        private static long readAll(SourceTree tree, List<SourceFile> files) throws IOException {
            long n = 0;
            for (SourceFile f : files) {
                n += tree.read(f).length;
            }
            return n;
        }

        private static double median(double[] xs) {
            double[] s = xs.clone();
            Arrays.sort(s);
            return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
        }
    }
}
