package org.xenfusa.web.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.xenfusa.model.source.RepositoryKind;
import org.xenfusa.model.source.SourceRepository;
import org.xenfusa.sloc.tree.RepositoryUrls;

/**
 * Folders on the server (a local repository's path, a clone's git directory, the allowed roots) are shown to ADMIN
 * only: to anybody else they tell how the server is laid out and nothing they need. A URL is no server path: it is
 * shown to everybody, with its user-info masked.
 */
public final class ServerPaths {
    /** What stands for a local repository's folder for everybody but ADMIN. */
    public static final String HIDDEN = "a folder on the server (shown to ADMIN)";

    private ServerPaths() {
    }

    /** The repository's location for the signed-in user: a masked URL, or a local path for ADMIN only. */
    public static String location(SourceRepository repository) {
        return location(repository, isAdmin(SecurityContextHolder.getContext().getAuthentication()));
    }

    public static String location(SourceRepository repository, boolean admin) {
        if (repository.getKind() == RepositoryKind.LOCAL && !admin) {
            return HIDDEN;
        }
        return RepositoryUrls.mask(repository.getLocation());
    }

    /** The repository as documents name it for anyone who reads them: its name, and its URL when it has one. */
    public static String describe(SourceRepository repository) {
        return repository.getKind() == RepositoryKind.LOCAL ? repository.getName()
                : repository.getName() + " (" + RepositoryUrls.mask(repository.getLocation()) + ")";
    }

    /** The last name of a path ("hypervisor-sources-submodule"), which tells what it is without where it lies. */
    public static String lastName(String path) {
        String trimmed = path.replaceAll("[/\\\\]+$", "");
        int slash = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
        return trimmed.substring(slash + 1);
    }

    public static boolean isAdmin(Authentication auth) {
        return auth != null && auth.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
    }
}
