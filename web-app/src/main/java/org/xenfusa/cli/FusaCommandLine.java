package org.xenfusa.cli;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.xenfusa.sloc.config.InvalidConfigurationException;
import org.xenfusa.sloc.xen.UnsupportedXenReleaseException;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code fusa} command line: one sub-command per job. Runs without Spring and without a
 * database. Exit codes: 0 ok, 1 the check failed, 2 bad input.
 */
@Command(name = "fusa", mixinStandardHelpOptions = true, version = "fusa 0.1.0",
        description = "Xen functional-safety evidence: SLOC, configurations, traceability.",
        footer = {"", "With no command, or 'serve', it starts the web app (options such as --server.port=8081 "
                + "or --fusa.data-dir=DIR may follow)."})
public final class FusaCommandLine {
    public static final int OK = 0;
    public static final int CHECK_FAILED = 1;
    public static final int BAD_INPUT = 2;

    /** The command that starts the web app (as no command does). */
    public static final String SERVE = "serve";
    private static final List<String> HELP_AND_VERSION = List.of("-h", "--help", "-V", "--version");
    /**
     * Each command's class, in the order the usage lists them. picocli instantiates every sub-command it is given
     * and reads its annotations, so a one-shot command is given only the sub-command it runs: a cold start then
     * loads no class of the others (the ingest client's HTTP and TLS stack, the benchmarks).
     */
    private static final Map<String, Class<?>> COMMAND_CLASSES = commandClasses();
    /** The commands, in the order the usage lists them (the one list is {@link #commandClasses()}). */
    public static final List<String> COMMANDS = List.copyOf(COMMAND_CLASSES.keySet());

    private FusaCommandLine() {
    }

    /** True when the arguments name a command, so that the web app must not start. */
    public static boolean isCommand(String[] args) {
        return args.length > 0 && (COMMANDS.contains(args[0]) || HELP_AND_VERSION.contains(args[0]));
    }

    /**
     * The arguments to start the web app with, or empty when they do not ask for it: no arguments, {@code serve}
     * with any options after it, or only Spring options ({@code --server.port=8081}). Anything else is a command,
     * and an unknown word is a typo for one, never a reason to start a server and a database in this folder.
     */
    public static Optional<String[]> serverArguments(String[] args) {
        if (args.length > 0 && args[0].equals(SERVE)) {
            return Optional.of(Arrays.copyOfRange(args, 1, args.length));
        }
        boolean onlySpringOptions = Arrays.stream(args).allMatch(a -> a.startsWith("--") && !HELP_AND_VERSION.contains(a));
        return onlySpringOptions ? Optional.of(args) : Optional.empty();
    }

    public static int run(String[] args) {
        if (args.length > 0 && !isCommand(args)) {
            String word = Arrays.stream(args).filter(a -> !a.startsWith("-")).findFirst().orElse(args[0]);
            System.err.println("fusa: " + (COMMANDS.contains(word) ? "the command must come first: fusa " + word + " ..."
                    : "unknown command '" + word + "'") + "; the commands are " + String.join(", ", COMMANDS)
                    + " (and " + SERVE + ", or no command, to start the web app)");
            return BAD_INPUT;
        }
        CommandLine cl = new CommandLine(new FusaCommandLine());
        String named = args.length > 0 ? args[0] : "";
        boolean one = COMMAND_CLASSES.containsKey(named) && !named.equals("help");
        COMMAND_CLASSES.forEach((name, type) -> {
            if (!one || name.equals(named)) {
                cl.addSubcommand(name, type);
            }
        });
        cl.setParameterExceptionHandler((ex, a) -> {
            System.err.println("fusa: " + ex.getMessage());
            ex.getCommandLine().usage(System.err);
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof BadInputException || ex instanceof UnsupportedXenReleaseException
                    || ex instanceof InvalidConfigurationException) {
                System.err.println("fusa: " + ex.getMessage());
                return BAD_INPUT;
            }
            System.err.println("fusa: failed: " + ex);
            ex.printStackTrace(System.err);
            return CHECK_FAILED;
        });
        return cl.execute(args);
    }

    private static Map<String, Class<?>> commandClasses() {
        Map<String, Class<?>> classes = new LinkedHashMap<>();
        classes.put("sloc", SlocCommand.class);
        classes.put("ingest", IngestCommand.class);
        classes.put("kconfig", KconfigCommand.class);
        classes.put("config-sloc", ConfigSlocCommand.class);
        classes.put("trace", TraceCommand.class);
        classes.put("suggest-links", SuggestLinksCommand.class);
        classes.put("export", ExportCommand.class);
        classes.put("readiness", ReadinessCommand.class);
        classes.put("impact", ImpactCommand.class);
        classes.put("misra", MisraCommand.class);
        classes.put("coverage", CoverageCommand.class);
        classes.put("verify-evidence", VerifyEvidenceCommand.class);
        classes.put("qualify", QualifyCommand.class);
        classes.put("bench", BenchCommand.class);
        classes.put("help", CommandLine.HelpCommand.class);
        return Collections.unmodifiableMap(classes);
    }

    /**
     * Refuses an output file whose folder does not exist, before any work (bad input, exit 2, not a stack trace).
     *
     * @param what how the message names it, e.g. {@code --out} or {@code the link file (--out)}
     */
    static void requireFolderOf(java.nio.file.Path out, String what) {
        java.nio.file.Path parent = out.toAbsolutePath().getParent();
        if (parent != null && !java.nio.file.Files.isDirectory(parent)) {
            throw new BadInputException("folder of " + what + " not found: " + parent);
        }
    }

    /**
     * A link file the user gave, read as every command reads it: one that yields no link and has problems (not YAML,
     * not a link file) is bad input (exit 2) naming the first; the problems of one that yields links are warnings.
     */
    static org.xenfusa.trace.link.LinkSet linkFile(String name, byte[] content) {
        org.xenfusa.trace.link.LinkSet read = org.xenfusa.trace.link.LinkFileReader.read(name, content);
        if (read.code().isEmpty() && read.tests().isEmpty() && !read.problems().isEmpty()) {
            throw new BadInputException("link file (--links) unusable: " + read.problems().get(0)
                    + (read.problems().size() > 1 ? " (and " + (read.problems().size() - 1) + " more)" : ""));
        }
        read.problems().forEach(p -> System.err.println("fusa: warning: " + p));
        return read;
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
