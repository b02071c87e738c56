package org.xenfusa.web.db;

import java.nio.file.Path;

/**
 * A platform process for {@link EmbeddedDatabaseTest}: starts the embedded database on the data
 * folder given, says READY and waits to be killed with {@code kill -9}, leaving its server orphaned.
 */
public final class KilledPlatform {
    private KilledPlatform() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedDatabase db = EmbeddedDatabase.start(Path.of(args[0]), Path.of(args[1]), false);
        System.out.println("READY " + db.port());
        System.out.flush();
        Thread.sleep(600_000);
    }
}
