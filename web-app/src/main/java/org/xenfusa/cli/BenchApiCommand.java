package org.xenfusa.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.xenfusa.cli.FusaCommandLine.BadInputException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fusa bench api}: REST API requests per second on a running platform, signed in with HTTP Basic (a BCrypt check
 * per request) and with an API token (a SHA-256 and an indexed look-up), the same request and concurrency for both.
 */
@Command(name = "api", mixinStandardHelpOptions = true,
        description = "REST API requests/s of a running platform with HTTP Basic against an API token.")
final class BenchApiCommand implements Callable<Integer> {
    @Option(names = "--server", defaultValue = "http://localhost:8080", description = "The platform's address.")
    String server;

    @Option(names = "--user", required = true, description = "The account for HTTP Basic.")
    String user;

    @Option(names = "--password", description = "Its password (default: the FUSA_PASSWORD environment variable).")
    String password;

    @Option(names = "--token", description = "An API token (default: the FUSA_TOKEN environment variable).")
    String token;

    @Option(names = "--path", defaultValue = "/api/repositories", description = "The API request to time.")
    String path;

    @Option(names = "--requests", defaultValue = "400", description = "Timed requests per way of signing in.")
    int requests;

    @Option(names = "--clients", defaultValue = "4", description = "Requests in flight at once.")
    int clients;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Override
    public Integer call() throws Exception {
        String pw = password != null ? password : System.getenv("FUSA_PASSWORD");
        String bearer = token != null ? token : System.getenv("FUSA_TOKEN");
        if (pw == null || pw.isEmpty() || bearer == null || bearer.isEmpty()) {
            throw new BadInputException("give --password and --token (or set FUSA_PASSWORD and FUSA_TOKEN)");
        }
        if (requests < 1 || clients < 1) {
            throw new BadInputException("--requests and --clients must be at least 1");
        }
        String base = server.endsWith("/") ? server.substring(0, server.length() - 1) : server;
        URI uri = URI.create(base + (path.startsWith("/") ? path : "/" + path));
        String basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + pw).getBytes(StandardCharsets.UTF_8));
        String tokenHeader = "Bearer " + bearer;
        // warm both ways up (JIT, connection pool) before timing either
        run(uri, basic, Math.min(requests, 50));
        run(uri, tokenHeader, Math.min(requests, 50));
        double basicRate = run(uri, basic, requests);
        double tokenRate = run(uri, tokenHeader, requests);
        System.out.printf("%s, %d requests each, %d in flight: HTTP Basic %.0f requests/s, API token %.0f requests/s"
                + " (%.1f times)%n", uri.getPath(), requests, clients, basicRate, tokenRate, tokenRate / basicRate);
        return FusaCommandLine.OK;
    }

    /** Requests per second for {@code n} requests with this Authorization header; any answer but 200 is an error. */
    private double run(URI uri, String authorization, int n) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", authorization).build();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            long t0 = System.nanoTime();
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                answers.add(pool.submit(() -> http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode()));
            }
            for (Future<Integer> a : answers) {
                int status = a.get();
                if (status != 200) {
                    throw new BadInputException(uri + " with " + authorization.substring(0, authorization.indexOf(' '))
                            + ": HTTP " + status + " (wrong password or token, or throttled?)");
                }
            }
            return n / ((System.nanoTime() - t0) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }
}
