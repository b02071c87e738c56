package org.xenfusa.cli;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.xenfusa.cli.FusaCommandLine.BadInputException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fusa bench load}: many users on a running platform at once, each logged in with a session of their own and
 * asking for the given pages one after the other (a closed loop, as wrk does) for a fixed time; prints requests per
 * second, errors and the latency percentiles per page and overall.
 */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Concurrent users on pages of a running platform for a while (requests/s, errors, p50/p95/p99).")
final class BenchLoadCommand implements Callable<Integer> {
    @Option(names = "--server", defaultValue = "http://localhost:8080", description = "The platform's address.")
    String server;

    @Option(names = "--user", required = true, description = "The account every simulated user logs in with.")
    String user;

    @Option(names = "--password", description = "The password (default: the FUSA_PASSWORD environment variable).")
    String password;

    @Option(names = "--path", required = true, description = "A page each user asks for in turn (repeat the option"
            + " for several, e.g. --path / --path /repositories/1/sloc).")
    List<String> paths;

    @Option(names = "--users", defaultValue = "50", description = "Concurrent users (default: ${DEFAULT-VALUE}).")
    int users;

    @Option(names = "--seconds", defaultValue = "20", description = "How long they ask (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--warmup-seconds", defaultValue = "5",
            description = "The same load before, not counted (JIT warm-up; default: ${DEFAULT-VALUE}).")
    int warmupSeconds;

    /** What one user saw: latencies in microseconds per page, and the errors. */
    private record Observed(Map<String, long[]> latencies, Map<String, Integer> counts, int errors, String firstError) {
    }

    @Override
    public Integer call() throws Exception {
        String pw = PlatformWebSession.password(password);
        if (users < 1 || seconds < 1 || warmupSeconds < 0) {
            throw new BadInputException("--users and --seconds must be at least 1, --warmup-seconds at least 0");
        }
        List<String> pages = paths.stream().map(p -> p.startsWith("/") ? p : "/" + p).toList();
        List<PlatformWebSession> sessions = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            sessions.add(PlatformWebSession.login(server, user, pw));
        }
        for (String page : pages) { // a page this user cannot read is a wrong input, not a figure
            int status = sessions.get(0).get(page).statusCode();
            if (status != 200) {
                throw new BadInputException(sessions.get(0).base() + page + ": HTTP " + status);
            }
        }
        if (warmupSeconds > 0) {
            run(sessions, pages, warmupSeconds);
        }
        long t0 = System.nanoTime();
        List<Observed> seen = run(sessions, pages, seconds);
        double elapsed = (System.nanoTime() - t0) / 1e9;

        int errors = seen.stream().mapToInt(Observed::errors).sum();
        long total = 0;
        System.out.printf("%d users for %d s (after %d s of warm-up), closed loop on %s%n", users, seconds,
                warmupSeconds, sessions.get(0).base());
        List<Long> everything = new ArrayList<>();
        for (String page : pages) {
            List<Long> all = new ArrayList<>();
            for (Observed o : seen) {
                long[] l = o.latencies().get(page);
                for (int i = 0; i < o.counts().get(page); i++) {
                    all.add(l[i]);
                }
            }
            total += all.size();
            everything.addAll(all);
            print(page, all, elapsed);
        }
        print("all pages", everything, elapsed);
        System.out.printf("errors: %d of %d requests%s%n", errors, total + errors, errors == 0 ? ""
                : " (first: " + seen.stream().map(Observed::firstError).filter(e -> e != null).findFirst().orElse("")
                        + ")");
        return FusaCommandLine.OK;
    }

    private static void print(String what, List<Long> micros, double seconds) {
        long[] sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            System.out.printf("  %-40s no request answered%n", what);
            return;
        }
        System.out.printf("  %-40s %,8d requests %,8.1f/s  p50 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms  max %7.1f ms%n",
                what, sorted.length, sorted.length / seconds, pct(sorted, 50), pct(sorted, 95), pct(sorted, 99),
                sorted[sorted.length - 1] / 1000.0);
    }

    /** The nearest-rank percentile, in milliseconds. */
    static double pct(long[] sortedMicros, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sortedMicros.length);
        return sortedMicros[Math.max(0, Math.min(sortedMicros.length, rank) - 1)] / 1000.0;
    }

    private static List<Observed> run(List<PlatformWebSession> sessions, List<String> pages, int seconds)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(sessions.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            long[] deadline = new long[1];
            List<Future<Observed>> futures = new ArrayList<>();
            for (int u = 0; u < sessions.size(); u++) {
                PlatformWebSession web = sessions.get(u);
                int offset = u;
                futures.add(pool.submit(() -> {
                    start.await();
                    Map<String, long[]> lat = new LinkedHashMap<>();
                    Map<String, Integer> counts = new LinkedHashMap<>();
                    pages.forEach(p -> {
                        lat.put(p, new long[1024]);
                        counts.put(p, 0);
                    });
                    int errors = 0;
                    String firstError = null;
                    for (int i = offset; System.nanoTime() < deadline[0]; i++) {
                        String page = pages.get(i % pages.size());
                        long t = System.nanoTime();
                        try {
                            HttpResponse<String> r = web.get(page);
                            if (r.statusCode() != 200) {
                                errors++;
                                firstError = firstError == null ? page + ": HTTP " + r.statusCode() : firstError;
                                continue;
                            }
                        } catch (java.io.IOException e) {
                            errors++;
                            firstError = firstError == null ? page + ": " + e : firstError;
                            continue;
                        }
                        long micros = (System.nanoTime() - t) / 1000;
                        int n = counts.get(page);
                        long[] l = lat.get(page);
                        if (n == l.length) {
                            l = Arrays.copyOf(l, n * 2);
                            lat.put(page, l);
                        }
                        l[n] = micros;
                        counts.put(page, n + 1);
                    }
                    return new Observed(lat, counts, errors, firstError);
                }));
            }
            deadline[0] = System.nanoTime() + seconds * 1_000_000_000L;
            start.countDown();
            List<Observed> out = new ArrayList<>();
            for (Future<Observed> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
