package org.xenfusa;

import java.util.Optional;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.xenfusa.cli.FusaCommandLine;
import org.xenfusa.sloc.tree.GitObjectCache;

/**
 * The one executable: with no command (or {@code serve}) it serves the web app; with a command ({@code sloc},
 * {@code bench}, ...) it runs that job without starting Spring or a database, and exits with
 * 0 (ok), 1 (the check failed) or 2 (bad input).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FusaApplication {
    public static void main(String[] args) {
        GitObjectCache.install();
        Optional<String[]> server = FusaCommandLine.serverArguments(args);
        if (server.isEmpty()) {
            System.exit(FusaCommandLine.run(args));
        }
        SpringApplication.run(FusaApplication.class, server.get());
    }
}
