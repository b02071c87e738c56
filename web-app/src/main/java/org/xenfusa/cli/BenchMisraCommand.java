package org.xenfusa.cli;

import java.util.Map;
import java.util.concurrent.Callable;

import org.xenfusa.misra.MisraTiming;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fusa bench misra}: importing and matching a synthetic set of analyser findings (100,000 by default) in each
 * input format, warm, in a configuration of half the files (see {@link MisraTiming}). Target: under 5 s.
 */
@Command(name = "misra", mixinStandardHelpOptions = true,
        description = "Time importing and matching MISRA findings (SARIF, cppcheck XML, text report; warm JVM).")
final class BenchMisraCommand implements Callable<Integer> {
    @Option(names = "--findings", defaultValue = "100000", description = "Number of findings (default ${DEFAULT-VALUE}).")
    int findings;

    @Option(names = "--runs", defaultValue = "5")
    int runs;

    @Option(names = "--warmups", defaultValue = "2")
    int warmups;

    @Override
    public Integer call() {
        if (findings < 1 || runs < 1 || warmups < 0) {
            throw new FusaCommandLine.BadInputException("--findings and --runs must be at least 1, --warmups at least 0");
        }
        Map<String, byte[]> inputs = MisraTiming.inputs(findings);
        System.out.printf("synthetic set: %d findings over %d files, one SAF comment per 10 files%n", findings,
                MisraTiming.FILES);
        for (String format : new String[] {"sarif", "cppcheck-xml", "xen-analysis-text"}) {
            byte[] input = inputs.get(format);
            MisraTiming.Figures f = MisraTiming.measure(format, input, warmups, runs);
            System.out.printf("%-18s %6.1f MB: import %.3f s + match and report %.3f s = %.3f s median (%d findings:"
                    + " %d violations, %d justified, %d outside)%n", format, input.length / 1e6, f.importSeconds(),
                    f.analyseSeconds(), f.totalSeconds(), f.findings(), f.violations(), f.justified(), f.outside());
        }
        return FusaCommandLine.OK;
    }
}
