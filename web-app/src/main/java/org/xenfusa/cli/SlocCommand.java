package org.xenfusa.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;

import org.xenfusa.sloc.count.ClocCounter;
import org.xenfusa.sloc.count.CountedFile;
import org.xenfusa.sloc.count.LanguageTotals;
import org.xenfusa.sloc.report.SlocReport;
import org.xenfusa.sloc.report.SlocRow;
import org.xenfusa.sloc.report.TreeCounter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** {@code fusa sloc}: cloc's figures for a tree at a ref, as a table or as cloc-shaped JSON. */
@Command(name = "sloc", mixinStandardHelpOptions = true,
        description = "Count blank, comment and code lines per language exactly as cloc does.")
final class SlocCommand implements Callable<Integer> {
    @Option(names = "--repo", required = true, description = "Repository path, folder or URL (https, git).")
    String repo;

    @Option(names = "--ref", description = "Branch, tag or commit (default HEAD; none for a plain folder).")
    String ref;

    @Option(names = "--path", defaultValue = "", description = "Only files under this folder, e.g. xen/.")
    String path;

    @Option(names = "--json", description = "Print one JSON document shaped like cloc --json.")
    boolean json;

    @Option(names = "--by-directory", description = "Also print the table per directory.")
    boolean byDirectory;

    @Override
    public Integer call() throws Exception {
        String prefix = SlocReport.normalisePrefix(path);
        try (TreeSource source = TreeSource.open(repo, ref)) {
            if (!prefix.isEmpty() && source.tree().filesUnder(prefix).isEmpty()) {
                throw new FusaCommandLine.BadInputException("no file under '" + prefix + "' in " + repo);
            }
            int total = source.tree().filesUnder(prefix).size();
            boolean tty = System.console() != null;
            List<CountedFile> files = new TreeCounter(new ClocCounter()).count(source.tree(), prefix, done -> {
                if (tty) {
                    System.err.printf("\rcounting %d / %d files", done, total);
                }
            });
            if (tty) {
                System.err.println();
            }
            SlocReport report = SlocReport.of(source.tree().commit(), prefix, files);
            if (json) {
                System.out.println(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                        .writeValueAsString(report.toClocJson()));
            } else {
                printTable(System.out, report);
                if (byDirectory) {
                    System.out.printf("%-27s %10s %14s %14s %10s%n", "Directory", "files", "blank", "comment", "code");
                    report.directories().forEach(row -> printRow(System.out, row));
                }
            }
        }
        return FusaCommandLine.OK;
    }

    static void printTable(PrintStream out, SlocReport r) {
        String line = "-".repeat(79);
        out.printf("commit %s, path '%s': %d unique files, %d files ignored%n", r.commit().orElse("(folder)"),
                r.path(), r.sum().files(), r.cloc().ignoredFiles());
        out.println(line);
        out.printf("%-27s %10s %14s %14s %10s%n", "Language", "files", "blank", "comment", "code");
        out.println(line);
        for (LanguageTotals row : r.languages()) {
            printRow(out, new SlocRow(row.language(), row.files(), row.blank(), row.comment(), row.code()));
        }
        out.println(line);
        printRow(out, new SlocRow("SUM:", r.sum().files(), r.sum().blank(), r.sum().comment(), r.sum().code()));
        out.println(line);
    }

    private static void printRow(PrintStream out, SlocRow row) {
        out.printf("%-27s %10d %14d %14d %10d%n", row.name(), row.files(), row.blank(), row.comment(), row.code());
    }
}
