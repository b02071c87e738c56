package org.xenfusa.web.ingest;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.xenfusa.web.platform.InvalidInputException;

/**
 * The credentials this instance holds for repositories registered by URL ({@code fusa.git.credentials.<name>.username}
 * and {@code .password}, e.g. from the environment as {@code FUSA_GIT_CREDENTIALS_GITHUB_USERNAME} and
 * {@code FUSA_GIT_CREDENTIALS_GITHUB_PASSWORD}, or from files through Spring's {@code configtree:} import). The
 * database stores only a repository's reference name; every instance that clones or fetches it resolves that name
 * here, so a secret is never written to the shared database, the clone's git config, a page or a log.
 *
 * @param credentials by reference name
 */
// [impl->dsn~git-credentials~1]
@ConfigurationProperties(prefix = "fusa.git")
public record GitCredentials(Map<String, Credential> credentials) {
    /** A reference name: lower-case letters and digits, so that it can be given as an environment variable. */
    static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]{0,39}");

    /** A user name and a password or access token. */
    public record Credential(String username, String password) {
        /** Never the password: a record's own text would print it into any log that names this object. */
        @Override
        public String toString() {
            return "Credential[username=" + username + ", password=***]";
        }
    }

    public GitCredentials {
        credentials = credentials == null ? Map.of() : Map.copyOf(credentials);
    }

    /** None configured. */
    public static GitCredentials none() {
        return new GitCredentials(Map.of());
    }

    /** Why {@code reference} is not a usable reference name on this instance, if it is not. */
    Optional<String> problem(String reference) {
        if (!NAME.matcher(reference).matches()) {
            return Optional.of("Credentials reference '" + reference + "' is not valid: use a lower-case letter followed"
                    + " by lower-case letters or digits (at most 40), as it is also an environment variable's part");
        }
        Credential c = credentials.get(reference);
        if (c == null || c.username() == null || c.username().isBlank() || c.password() == null
                || c.password().isEmpty()) {
            String env = "FUSA_GIT_CREDENTIALS_" + reference.toUpperCase(java.util.Locale.ROOT);
            return Optional.of("Credentials '" + reference + "' are not configured on this instance: set "
                    + "fusa.git.credentials." + reference + ".username and .password (environment " + env
                    + "_USERNAME and " + env + "_PASSWORD) on every instance");
        }
        return Optional.empty();
    }

    /**
     * The provider JGit authenticates with for a repository naming {@code reference} (null: none, anonymous).
     *
     * @throws InvalidInputException when the reference is not configured on this instance
     */
    CredentialsProvider provider(String reference) throws InvalidInputException {
        if (reference == null) {
            return null;
        }
        Optional<String> problem = problem(reference);
        if (problem.isPresent()) {
            throw new InvalidInputException(problem.get());
        }
        Credential c = credentials.get(reference);
        return new UsernamePasswordCredentialsProvider(c.username(), c.password());
    }
}
