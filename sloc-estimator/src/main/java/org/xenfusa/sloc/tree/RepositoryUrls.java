package org.xenfusa.sloc.tree;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps credentials out of repository URLs: refuses a URL that carries them (they would be stored,
 * shown to every user, logged and written into the clone's git config) and masks the user-info of
 * any URL before it is logged or shown. The one place that knows what user-info looks like.
 */
// [impl->dsn~repository-urls~1]
public final class RepositoryUrls {
    /** scheme://user-info@ in any text (a URL alone, or a message quoting one). */
    private static final Pattern USER_INFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)([^/@\\s?#]+)@");
    /** scp-like user@host:path, as git reads it. */
    private static final Pattern SCP_LIKE = Pattern.compile("([^/@:]+(?::[^/@]*)?)@([^/:]+):.*");
    static final String MASK = "***";

    private RepositoryUrls() {
    }

    /** Whether git would read {@code location} as a URL rather than a local path. */
    public static boolean isUrl(String location) {
        return location.contains("://") || SCP_LIKE.matcher(location).matches();
    }

    /** {@code text} with the user-info of every URL in it replaced by {@value #MASK}. */
    public static String mask(String text) {
        if (text == null) {
            return "";
        }
        return USER_INFO.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK + "@"));
    }

    /**
     * Why {@code location} must not be registered because it carries credentials, if it does: a
     * password in any URL, or any user-info in an https/http/git URL (where a user name alone is a
     * token). An ssh user name without a password is no secret (ssh URLs are refused by
     * {@link #schemeProblem} for another reason).
     */
    public static Optional<String> credentialProblem(String location) {
        Matcher m = USER_INFO.matcher(location);
        boolean carries;
        if (location.contains("://")) {
            if (!m.find() || m.start() != 0) {
                return Optional.empty();
            }
            String scheme = m.group(1).substring(0, m.group(1).length() - 3).toLowerCase(Locale.ROOT);
            carries = m.group(2).contains(":") || !scheme.equals("ssh");
        } else {
            Matcher scp = SCP_LIKE.matcher(location);
            carries = scp.matches() && scp.group(1).contains(":");
        }
        if (!carries) {
            return Optional.empty();
        }
        return Optional.of("The URL " + mask(location) + " carries credentials (user-info before '@'). They are refused"
                + " because they would be stored in plain text, shown to every user, logged and written into the"
                + " clone's git config. Register the URL without them and name credentials that every instance holds"
                + " in its settings (the platform's credentials reference, fusa.git.credentials.NAME), or clone a"
                + " mirror with your credentials"
                + " (git clone --mirror, using a git credential helper or your ssh key) into a folder under"
                + " fusa.allowed-roots and register it by its local path.");
    }

    /** The URL schemes the platform clones: JGit reads them without anything more (no SSH module, no keys). */
    public static final java.util.List<String> ACCEPTED_SCHEMES = java.util.List.of("https", "git");

    /**
     * Why {@code location} (a URL, see {@link #isUrl}) cannot be cloned, if it cannot: any scheme other than
     * {@link #ACCEPTED_SCHEMES}. ssh URLs (ssh://, and scp-like user@host:path) are refused with what to do instead:
     * the platform carries no SSH client (JGit's SSH module), so it has no key and no known-hosts file to check.
     */
    public static Optional<String> schemeProblem(String location) {
        String scheme = scheme(location);
        if (ACCEPTED_SCHEMES.contains(scheme)) {
            return Optional.empty();
        }
        if (scheme.equals("ssh") || scheme.equals("git+ssh") || scheme.equals("ssh+git")) {
            return Optional.of("ssh URLs are not supported (" + mask(location) + "): the platform clones with JGit"
                    + " without an SSH client, so it has no key and no known-hosts file to check the server against."
                    + " Give the repository's https:// or git:// URL, or clone a mirror yourself (git clone --mirror,"
                    + " with your ssh key) into a folder under fusa.allowed-roots and register it by its local path.");
        }
        return Optional.of("URL scheme '" + scheme + "' is not accepted (" + mask(location) + "): give an https:// or"
                + " git:// URL, or a local path under fusa.allowed-roots");
    }

    /** The scheme of a URL in lower case; "ssh" for git's scp-like user@host:path. */
    static String scheme(String location) {
        int i = location.indexOf("://");
        return i > 0 ? location.substring(0, i).toLowerCase(Locale.ROOT) : "ssh";
    }
}
