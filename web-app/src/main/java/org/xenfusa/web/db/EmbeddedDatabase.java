package org.xenfusa.web.db;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL server, locked down: the superuser needs a generated password
 * (scram-sha-256, kept in the data folder readable by its owner only and reused on restart), the
 * server listens on localhost only and has no Unix socket, and fsync and synchronous commits stay
 * on so that a power cut loses no committed evidence. A server left running by a platform that was
 * killed is stopped first ({@link CrashRecovery}).
 */
public final class EmbeddedDatabase implements Closeable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    public static final String USER = "postgres";
    public static final String DATABASE = "postgres";
    /** First line of a pg_hba.conf written here: its presence says the password is set. */
    static final String HBA_MARKER = "# fusa: password (scram-sha-256) on localhost only";
    private static final String CONF_MARKER = "# fusa: locked-down settings";
    private static final Map<Path, DigestingResolver> RESOLVERS = new ConcurrentHashMap<>();

    private final EmbeddedPostgres postgres;
    private final String password;

    private EmbeddedDatabase(EmbeddedPostgres postgres, String password) {
        this.postgres = postgres;
        this.password = password;
    }

    /**
     * Starts the server on {@code dataDir/postgres}, with its password in {@code dataDir/postgres.password}
     * and its binaries unpacked under {@code binariesDir} (a folder only this account can enter).
     *
     * @param clean start from an empty database (tests); the folder must then be new or empty
     */
    public static EmbeddedDatabase start(Path dataDir, Path binariesDir, boolean clean) throws IOException {
        Path data = dataDir.toAbsolutePath().normalize();
        Path pgData = data.resolve("postgres");
        Files.createDirectories(pgData);
        CrashRecovery.recover(pgData);
        String password = passwordOf(data.resolve("postgres.password"));
        Path binaries = privateFolder(binariesDir.toAbsolutePath().normalize()).resolve("unpacked");
        DigestingResolver resolver = RESOLVERS.computeIfAbsent(binaries, b -> new DigestingResolver());
        log.info("Starting embedded PostgreSQL with data in {}", pgData);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(clean)
                .setOverrideWorkingDirectory(binaries.toFile())
                .setPgBinaryResolver(resolver)
                .setPGStartupWait(Duration.ofSeconds(60))
                // stopped when the application context closes, after every job and request that writes to it has
                // ended: the library's own shutdown hook ran beside Spring's on SIGTERM and stopped the server under a
                // running ingest, which then could not even record how it ended (a kill -9 leaves an orphan server,
                // which the next start stops: CrashRecovery)
                .setRegisterShutdownHook(false)
                // on the command line after the library's -F (fsync off), so these win
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setConnectConfig("password", password)
                .setDataDirectoryCustomizer(dir -> lockDown(dir.toPath(), binaries.resolve("PG-" + resolver.digest), password))
                .start();
        return new EmbeddedDatabase(postgres, password);
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl(USER, DATABASE);
    }

    public int port() {
        return postgres.getPort();
    }

    public String password() {
        return password;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }

    /** The password kept in {@code file} (owner-only), created on the first start. */
    static String passwordOf(Path file) throws IOException {
        if (Files.exists(file)) {
            String stored = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (!stored.isEmpty()) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                return stored;
            }
        }
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Path tmp = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(tmp, password + "\n", StandardCharsets.US_ASCII);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return password;
    }

    private static Path privateFolder(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        return dir;
    }

    /**
     * Before the server starts: sets the superuser's password when this cluster has none yet (a new
     * cluster from the library's initdb trusts everyone), then writes the client authentication and
     * listening settings.
     */
    private static void lockDown(Path pgData, Path pgBinaries, String password) {
        try {
            Path hba = pgData.resolve("pg_hba.conf");
            boolean passwordSet = Files.exists(hba) && Files.readString(hba).startsWith(HBA_MARKER);
            if (!passwordSet) {
                setPassword(pgData, pgBinaries, password);
            }
            Files.writeString(hba, HBA_MARKER + "\n"
                    + "# No 'local' line: the server has no Unix socket. Every TCP connection needs the password.\n"
                    + "host all all 127.0.0.1/32 scram-sha-256\n"
                    + "host all all ::1/128 scram-sha-256\n");
            Path conf = pgData.resolve("postgresql.conf");
            String text = Files.readString(conf);
            if (!text.contains(CONF_MARKER)) {
                Files.writeString(conf, text + "\n" + CONF_MARKER + "\n"
                        + "listen_addresses = 'localhost'\n"
                        + "unix_socket_directories = ''\n"
                        + "password_encryption = 'scram-sha-256'\n");
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot secure the embedded database in " + pgData + ": " + e.getMessage(), e);
        }
    }

    /** Sets the password in single-user mode: no connection is possible while it is done. */
    private static void setPassword(Path pgData, Path pgBinaries, String password) throws IOException {
        Path postgres = pgBinaries.resolve("bin/postgres");
        if (!Files.isExecutable(postgres)) {
            throw new IOException("the PostgreSQL binaries are not at " + pgBinaries);
        }
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U")); // as the library runs it: PostgreSQL refuses to run as root
        }
        command.addAll(List.of(postgres.toString(), "--single", "-D", pgData.toString(),
                "-c", "password_encryption=scram-sha-256", "-c", "listen_addresses=", DATABASE));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().write(("ALTER ROLE " + USER + " WITH PASSWORD '" + password + "';\n")
                .getBytes(StandardCharsets.US_ASCII));
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0 || output.contains("ERROR:")) {
                p.destroyForcibly();
                throw new IOException("setting the database password failed: " + output.replace(password, "***"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while setting the database password", e);
        }
        log.info("Set the password of the embedded database's superuser (scram-sha-256)");
    }

    /** The library's binary resolver, remembering the archive's digest, which names the folder it unpacks to. */
    private static final class DigestingResolver implements PgBinaryResolver {
        private volatile String digest = "";

        @Override
        public InputStream getPgBinary(String system, String machineHardware) throws IOException {
            byte[] archive;
            try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware)) {
                if (in == null) {
                    throw new IOException("no PostgreSQL binaries for " + system + " " + machineHardware);
                }
                archive = in.readAllBytes();
            }
            try {
                digest = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(archive));
            } catch (NoSuchAlgorithmException e) {
                throw new IOException(e);
            }
            return new ByteArrayInputStream(archive);
        }
    }
}
