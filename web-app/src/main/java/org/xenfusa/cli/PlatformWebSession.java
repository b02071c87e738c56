package org.xenfusa.cli;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.xenfusa.cli.FusaCommandLine.BadInputException;

/**
 * A session of the benchmarks with a running platform as a browser has one: form login with the page's CSRF token,
 * its cookies kept, redirects not followed (so that a refused login or a lost session shows).
 */
final class PlatformWebSession {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    private PlatformWebSession(String server) {
        this.base = server.endsWith("/") ? server.substring(0, server.length() - 1) : server;
    }

    /** The password given, or the FUSA_PASSWORD environment variable's. */
    static String password(String given) throws BadInputException {
        String pw = given != null ? given : System.getenv("FUSA_PASSWORD");
        if (pw == null || pw.isEmpty()) {
            throw new BadInputException("give --password or set FUSA_PASSWORD");
        }
        return pw;
    }

    /** Logs {@code user} in on {@code server} (e.g. http://localhost:8080). */
    static PlatformWebSession login(String server, String user, String password) throws Exception {
        PlatformWebSession s = new PlatformWebSession(server);
        String token = s.csrf("/login");
        HttpResponse<String> r = s.http.send(HttpRequest.newBuilder(s.uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(user) + "&password=" + enc(password)
                        + "&_csrf=" + enc(token))).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 302 || r.headers().firstValue("Location").orElse("").contains("error")) {
            throw new BadInputException("login as " + user + " on " + s.base + " refused");
        }
        return s;
    }

    /** The server's address without a trailing slash. */
    String base() {
        return base;
    }

    /** The address of {@code path} (from the server's root, e.g. /trace/1). */
    URI uri(String path) {
        return URI.create(base + (path.startsWith("/") ? path : "/" + path));
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends a request of its own (an upload) with the session's cookies. */
    <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) throws Exception {
        return http.send(request, body);
    }

    /** The CSRF token of the form on {@code path}. */
    String csrf(String path) throws Exception {
        HttpResponse<String> r = get(path);
        Matcher m = CSRF.matcher(r.body());
        if (r.statusCode() != 200 || !m.find()) {
            throw new BadInputException(base + path + ": no form with a CSRF token (HTTP " + r.statusCode() + ")");
        }
        return m.group(1);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
