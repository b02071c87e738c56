package org.xenfusa.cli;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.concurrent.Callable;

import org.xenfusa.cli.FusaCommandLine.BadInputException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fusa bench page}: how long a page of a running platform takes to serve, cold and warm,
 * as its users see it (form login, then plain GETs), e.g. a requirement page with many links.
 */
@Command(name = "page", mixinStandardHelpOptions = true,
        description = "Time serving one page of a running platform (first request, then warm requests).")
final class BenchPageCommand implements Callable<Integer> {

    @Option(names = "--server", defaultValue = "http://localhost:8080", description = "The platform's address.")
    String server;

    @Option(names = "--user", required = true, description = "Any account that may read the page.")
    String user;

    @Option(names = "--password", description = "The password (default: the FUSA_PASSWORD environment variable).")
    String password;

    @Option(names = "--path", required = true,
            description = "The page, e.g. /trace/3/items/XenSwdgn~fa_start~1 (a requirement page).")
    String path;

    @Option(names = "--warmups", defaultValue = "30", description = "Requests before the timed ones (JIT warm-up).")
    int warmups;

    @Option(names = "--runs", defaultValue = "20", description = "Timed requests.")
    int runs;

    @Override
    public Integer call() throws Exception {
        String pw = PlatformWebSession.password(password);
        if (runs < 1 || warmups < 0) {
            throw new BadInputException("--runs must be at least 1 and --warmups at least 0");
        }
        String page = path.startsWith("/") ? path : "/" + path;
        PlatformWebSession web = PlatformWebSession.login(server, user, pw);
        String base = web.base();

        long t0 = System.nanoTime();
        HttpResponse<String> first = web.get(page);
        double coldMs = (System.nanoTime() - t0) / 1e6;
        if (first.statusCode() != 200) {
            throw new BadInputException(base + page + ": HTTP " + first.statusCode() + " (not a page this user can read)");
        }
        for (int i = 0; i < warmups; i++) {
            web.get(page);
        }
        double[] warm = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            int status = web.get(page).statusCode();
            warm[i] = (System.nanoTime() - t) / 1e6;
            if (status != 200) {
                throw new BadInputException(base + page + ": HTTP " + status + " on request " + (i + 1));
            }
        }
        double[] sorted = warm.clone();
        Arrays.sort(sorted);
        System.out.printf("%s: %d KB; first request %.1f ms; warm median %.1f ms, min %.1f ms, max %.1f ms"
                + " (%d requests after %d warm-ups)%n", page, first.body().length() / 1024, coldMs,
                ConfigurationBenchCommands.median(warm), sorted[0], sorted[sorted.length - 1], runs, warmups);
        return FusaCommandLine.OK;
    }

}
