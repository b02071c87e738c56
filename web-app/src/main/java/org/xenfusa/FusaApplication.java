package org.xenfusa;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.xenfusa.cli.FusaCommandLine;
import org.xenfusa.sloc.tree.GitObjectCache;

/**
 * The one executable: with no command it serves the web app; with a command ({@code sloc},
 * {@code bench}, ...) it runs that job without starting Spring or a database, and exits with
 * 0 (ok), 1 (the check failed) or 2 (bad input).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FusaApplication {
    public static void main(String[] args) {
        GitObjectCache.install();
        if (FusaCommandLine.isCommand(args)) {
            System.exit(FusaCommandLine.run(args));
        }
        SpringApplication.run(FusaApplication.class, args);
    }
}
