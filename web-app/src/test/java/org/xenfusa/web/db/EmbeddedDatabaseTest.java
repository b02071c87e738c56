package org.xenfusa.web.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/** The embedded database needs its password, stays durable and recovers from a killed platform. */
// [utest->dsn~crash-recovery~1]
class EmbeddedDatabaseTest {
    private static final Path BINARIES = Path.of(System.getProperty("java.io.tmpdir"), "fusa-test-postgres-binaries");

    @TempDir Path tmp;

    private static Connection connect(EmbeddedDatabase db, String password) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", EmbeddedDatabase.USER);
        if (password != null) {
            p.setProperty("password", password);
        }
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + db.port() + "/postgres", p);
    }

    private static String show(Connection c, String setting) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SHOW " + setting)) {
            r.next();
            return r.getString(1);
        }
    }

    @Test
    void needsItsPasswordStaysDurableAndStartsOverAStaleLock() throws Exception {
        Path data = tmp.resolve("data");
        String password;
        try (EmbeddedDatabase db = EmbeddedDatabase.start(data, BINARIES, false)) {
            password = db.password();
            assertThat(Files.getPosixFilePermissions(data.resolve("postgres.password")))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(Files.readString(data.resolve("postgres.password")).strip()).isEqualTo(password);

            assertThatThrownBy(() -> connect(db, null).close()).isInstanceOf(SQLException.class)
                    .hasMessageContaining("password");
            assertThatThrownBy(() -> connect(db, "not-the-password").close()).isInstanceOf(SQLException.class)
                    .hasMessageContaining("password authentication failed");
            try (Connection c = connect(db, password); Statement s = c.createStatement()) {
                assertThat(show(c, "fsync")).isEqualTo("on");
                assertThat(show(c, "synchronous_commit")).isEqualTo("on");
                assertThat(show(c, "full_page_writes")).isEqualTo("on");
                assertThat(show(c, "listen_addresses")).isEqualTo("localhost");
                assertThat(show(c, "unix_socket_directories")).isEmpty();
                try (ResultSet r = s.executeQuery("SELECT count(*) FROM pg_hba_file_rules"
                        + " WHERE auth_method <> 'scram-sha-256' OR type <> 'host'")) {
                    r.next();
                    assertThat(r.getLong(1)).as("rules other than password over TCP").isZero();
                }
                try (ResultSet r = s.executeQuery("SELECT rolpassword FROM pg_authid WHERE rolname = 'postgres'")) {
                    r.next();
                    assertThat(r.getString(1)).startsWith("SCRAM-SHA-256$");
                }
            }
        }

        // the number in a postmaster.pid left by a crash now belongs to another process
        Process reused = new ProcessBuilder("sleep", "300").start();
        try {
            Path pgData = data.resolve("postgres").toAbsolutePath();
            Files.writeString(pgData.resolve("postmaster.pid"), reused.pid() + "\n" + pgData + "\n1700000000\n5432\n\n");
            List<ILoggingEvent> logged = capture();
            try (EmbeddedDatabase db = EmbeddedDatabase.start(data, BINARIES, false);
                    Connection c = connect(db, password)) {
                assertThat(db.password()).as("the password is reused on restart").isEqualTo(password);
                assertThat(show(c, "fsync")).isEqualTo("on");
            }
            assertThat(reused.isAlive()).as("the unrelated process is left alone").isTrue();
            assertThat(logged).anySatisfy(e -> assertThat(e.getFormattedMessage())
                    .contains("Removed the stale lock").contains("is not a database server of this folder"));
        } finally {
            reused.destroy();
        }
    }

    @Test
    void theFirstStartAfterAKilledPlatformStopsTheServerItLeftRunning() throws Exception {
        Path data = tmp.resolve("crashed");
        String java = ProcessHandle.current().info().command().orElse("java");
        // a process that only starts a database and waits: the quick compiler and the serial collector suffice
        Process platform = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"),
                KilledPlatform.class.getName(), data.toString(), BINARIES.toString()).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(platform.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            StringBuilder seen = new StringBuilder();
            while ((line = out.readLine()) != null && !line.startsWith("READY")) {
                seen.append(line).append('\n');
            }
            assertThat(line).as("the platform process started its database:\n" + seen).startsWith("READY");
            platform.destroyForcibly(); // kill -9
            assertThat(platform.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        Path pidFile = data.resolve("postgres/postmaster.pid");
        long orphan = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).as("the server outlived its platform").hasValue(true);

        List<ILoggingEvent> logged = capture();
        try (EmbeddedDatabase db = EmbeddedDatabase.start(data, BINARIES, false);
                Connection c = connect(db, db.password())) {
            assertThat(show(c, "fsync")).isEqualTo("on");
            assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        } finally {
            ProcessHandle.of(orphan).ifPresent(ProcessHandle::destroyForcibly);
        }
        assertThat(logged).anySatisfy(e -> assertThat(e.getFormattedMessage())
                .contains("Stopped the orphaned database server (PID " + orphan + ")"));
    }

    @Test
    void aDataFolderOfAnEarlierVersionIsLockedDownAndKeepsItsData() throws Exception {
        Path data = tmp.resolve("earlier");
        // as the platform started it before: the library's defaults, everyone trusted, fsync off
        try (EmbeddedPostgres earlier = EmbeddedPostgres.builder().setDataDirectory(data.resolve("postgres"))
                .setCleanDataDirectory(false).start();
                Connection c = earlier.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            assertThat(show(c, "fsync")).isEqualTo("off");
            s.execute("CREATE TABLE evidence (id int)");
            s.execute("INSERT INTO evidence VALUES (42)");
        }
        try (EmbeddedDatabase db = EmbeddedDatabase.start(data, BINARIES, false)) {
            assertThatThrownBy(() -> connect(db, null).close()).isInstanceOf(SQLException.class)
                    .hasMessageContaining("password");
            try (Connection c = connect(db, db.password()); Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("SELECT id FROM evidence")) {
                assertThat(r.next()).isTrue();
                assertThat(r.getInt(1)).isEqualTo(42);
                assertThat(show(c, "fsync")).isEqualTo("on");
            }
        }
    }

    private static List<ILoggingEvent> capture() {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        ((Logger) LoggerFactory.getLogger(CrashRecovery.class)).addAppender(appender);
        return appender.list;
    }
}
