package org.xenfusa.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.Callable;

import org.xenfusa.cli.FusaCommandLine.BadInputException;

import com.fasterxml.jackson.annotation.JsonInclude;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code fusa ingest}: asks a running platform (its REST API) to ingest refs of a registered
 * repository and follows the job, printing its progress on stderr and how it ended on stdout (the job as
 * JSON with {@code --json}); for CI scripts. Exit 0 when the
 * job succeeded, 1 when it failed or was cancelled, 2 on bad input (unknown repository, refused login).
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Ingest refs of a repository registered on a running platform, and follow the job.")
final class IngestCommand implements Callable<Integer> {
    @Option(names = "--server", defaultValue = "http://localhost:8080", description = "The platform's address.")
    String server;

    @Option(names = "--user", required = true, description = "An ADMIN account.")
    String user;

    @Option(names = "--password", description = "The password (default: the FUSA_PASSWORD environment variable).")
    String password;

    @Option(names = "--repository", required = true, description = "The registered repository's name.")
    String repository;

    @ArgGroup(exclusive = true, multiplicity = "1")
    What what;

    static final class What {
        @Option(names = "--ref", description = "One ref (tag, branch or commit).")
        String ref;

        @Option(names = "--default-branch", description = "The default branch.")
        boolean defaultBranch;

        @Option(names = "--tags", description = "All tags matching a pattern, e.g. 'RELEASE-*'.")
        String tags;

        /** The body of {@code POST /api/repositories/{id}/ingest}. */
        IngestRequest request() {
            if (tags != null) {
                return new IngestRequest("TAGS", tags);
            }
            return defaultBranch ? new IngestRequest("DEFAULT_BRANCH", null) : new IngestRequest("REF", ref);
        }
    }

    /**
     * What the platform's ingest endpoint reads: {@code REF}, {@code DEFAULT_BRANCH} (no {@code ref}) or {@code TAGS}
     * (the command line never imports web or model code, so this mirrors the API's record;
     * {@code IngestCommandIntegrationTest} runs both ends).
     */
    record IngestRequest(String mode, @JsonInclude(JsonInclude.Include.NON_NULL) String ref) {
    }

    @Option(names = "--timeout", defaultValue = "3600", description = "Seconds to wait for the job.")
    long timeoutSeconds;

    @Option(names = "--json", description = "Print the finished job as one JSON document on stdout.")
    boolean jsonOutput;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    @Override
    public Integer call() throws Exception {
        String pw = password != null ? password : System.getenv("FUSA_PASSWORD");
        if (pw == null || pw.isEmpty()) {
            throw new BadInputException("give --password or set FUSA_PASSWORD");
        }
        String auth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + pw).getBytes(StandardCharsets.UTF_8));
        String base = server.endsWith("/") ? server.substring(0, server.length() - 1) : server;

        long repositoryId = -1;
        for (JsonNode r : get(base + "/api/repositories", auth)) {
            if (r.get("name").asString().equals(repository)) {
                repositoryId = r.get("id").asLong();
            }
        }
        if (repositoryId < 0) {
            throw new BadInputException("no repository named '" + repository + "' on " + base);
        }
        JsonNode job = send(HttpRequest.newBuilder(URI.create(base + "/api/repositories/" + repositoryId + "/ingest"))
                .header("Authorization", auth).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(what.request()))).build());
        long id = job.get("id").asLong();
        long deadline = System.nanoTime() + Duration.ofSeconds(timeoutSeconds).toNanos();
        String state = job.get("state").asString();
        String last = "";
        while ((state.equals("QUEUED") || state.equals("RUNNING")) && System.nanoTime() < deadline) {
            Thread.sleep(500);
            job = get(base + "/api/jobs/" + id, auth);
            state = job.get("state").asString();
            String line = progressLine(job);
            if (!line.equals(last)) {
                System.err.println(line);
                last = line;
            }
        }
        if (jsonOutput) {
            System.out.println(json.writeValueAsString(job));
        }
        if (state.equals("QUEUED") || state.equals("RUNNING")) {
            System.err.println("fusa: job " + id + " still " + state + " after " + timeoutSeconds + " s");
            return FusaCommandLine.CHECK_FAILED;
        }
        String summary = "ingest job " + id + " " + state + ": " + text(job, "message");
        if (!jsonOutput) {
            System.out.println(summary);
        }
        if (jsonOutput || !state.equals("SUCCEEDED")) {
            // how a failure ended belongs with the errors too
            System.err.println((state.equals("SUCCEEDED") ? "" : "fusa: ") + summary);
        }
        return state.equals("SUCCEEDED") ? FusaCommandLine.OK : FusaCommandLine.CHECK_FAILED;
    }

    /** One progress line of a job, e.g. {@code ingest job 7 RUNNING: ref 1 of 2 (RELEASE-4.22.0), 1,200 of 4,000 files, 310 files/s}. */
    static String progressLine(JsonNode job) {
        StringBuilder b = new StringBuilder("ingest job ").append(job.path("id").asLong()).append(' ')
                .append(text(job, "state")).append(": ref ").append(job.path("refsDone").asInt()).append(" of ")
                .append(job.path("refsTotal").asInt());
        String ref = text(job, "currentRef");
        if (!ref.isEmpty()) {
            b.append(" (").append(ref).append(')');
        }
        b.append(String.format(java.util.Locale.ROOT, ", %,d of %,d files", job.path("filesDone").asInt(),
                job.path("filesTotal").asInt()));
        double rate = job.path("filesPerSecond").asDouble();
        if (rate > 0) {
            b.append(String.format(java.util.Locale.ROOT, ", %.0f files/s", rate));
        }
        return b.toString();
    }

    private static String text(JsonNode job, String field) {
        JsonNode n = job.get(field);
        return n == null || n.isNull() ? "" : n.asString();
    }

    private JsonNode get(String url, String auth) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth).GET().build());
    }

    private JsonNode send(HttpRequest request) throws Exception {
        HttpResponse<String> r;
        try {
            r = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new BadInputException("cannot reach " + request.uri() + ": " + e.getMessage(), e);
        }
        if (r.statusCode() == 401 || r.statusCode() == 403) {
            throw new BadInputException(request.uri() + " refused the login (HTTP " + r.statusCode() + ")");
        }
        if (r.statusCode() >= 400) {
            throw new BadInputException(request.uri() + " answered HTTP " + r.statusCode() + ": " + r.body());
        }
        return json.readTree(r.body());
    }

}
