package org.xenfusa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser-like HTTP session against the running app: form login with its CSRF token, cookies kept. */
final class WebSession {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final int port;
    private final HttpClient client;

    private WebSession(int port) {
        this(port, HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build());
    }

    private WebSession(int port, HttpClient client) {
        this.port = port;
        this.client = client;
    }

    /** The same browser (its cookies) talking to another instance of the platform, on {@code otherPort}. */
    WebSession on(int otherPort) {
        return new WebSession(otherPort, client);
    }

    static WebSession login(int port, String user, String password) throws Exception {
        WebSession s = new WebSession(port);
        HttpResponse<String> r = s.post("/login", "username=" + enc(user) + "&password=" + enc(password), "/login");
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return s;
    }

    HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Sends a request of its own (a multipart upload, another method) with the session's cookies. */
    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts a form with the CSRF token of the page {@code tokenFrom}. */
    HttpResponse<String> post(String path, String form, String tokenFrom) throws Exception {
        return postWithToken(path, form, csrf(tokenFrom));
    }

    /** The CSRF token of the page {@code page}. */
    String csrf(String page) throws Exception {
        Matcher m = CSRF.matcher(get(page).body());
        assertThat(m.find()).as("a CSRF token on " + page).isTrue();
        return m.group(1);
    }

    /** Posts a form with a CSRF token taken earlier, as a page left open in a browser does. */
    HttpResponse<String> postWithToken(String path, String form, String token) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + enc(token))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
