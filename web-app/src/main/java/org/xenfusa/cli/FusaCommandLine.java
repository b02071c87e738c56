package org.xenfusa.cli;

import java.util.Set;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code fusa} command line: one sub-command per job. Runs without Spring and without a
 * database. Exit codes: 0 ok, 1 the check failed, 2 bad input.
 */
@Command(name = "fusa", mixinStandardHelpOptions = true, version = "fusa 0.1.0",
        description = "Xen functional-safety evidence: SLOC, configurations, traceability.",
        subcommands = {SlocCommand.class, IngestCommand.class, BenchCommand.class, TraceCommand.class, ExportCommand.class,
                VerifyEvidenceCommand.class, ReadinessCommand.class, KconfigCommand.class, ConfigSlocCommand.class})
public final class FusaCommandLine {
    public static final int OK = 0;
    public static final int CHECK_FAILED = 1;
    public static final int BAD_INPUT = 2;

    private static final Set<String> COMMANDS = Set.of("sloc", "ingest", "bench", "trace", "export", "verify-evidence", "readiness", "kconfig", "config-sloc", "help", "-h", "--help", "-V", "--version");

    private FusaCommandLine() {
    }

    /** True when the arguments name a command, so that the web app must not start. */
    public static boolean isCommand(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    public static int run(String[] args) {
        CommandLine cl = new CommandLine(new FusaCommandLine());
        cl.setParameterExceptionHandler((ex, a) -> {
            System.err.println("fusa: " + ex.getMessage());
            ex.getCommandLine().usage(System.err);
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof BadInputException) {
                System.err.println("fusa: " + ex.getMessage());
                return BAD_INPUT;
            }
            System.err.println("fusa: failed: " + ex);
            ex.printStackTrace(System.err);
            return CHECK_FAILED;
        });
        return cl.execute(args);
    }

    /** Input the user gave cannot be used; exit code 2 with this message. */
    public static final class BadInputException extends RuntimeException {
        public BadInputException(String message) {
            super(message);
        }

        public BadInputException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
