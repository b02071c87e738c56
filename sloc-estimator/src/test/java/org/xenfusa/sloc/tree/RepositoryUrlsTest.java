package org.xenfusa.sloc.tree;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

// [utest->dsn~repository-urls~1] [utest->err~secret-stored~1]
class RepositoryUrlsTest {

    @Test
    void refusesUrlsThatCarryCredentials() {
        assertThat(RepositoryUrls.credentialProblem("https://user:password@example.org/repo.git")).hasValueSatisfying(m ->
                assertThat(m).doesNotContain("password@").contains("https://***@example.org/repo.git")
                        .contains("credential helper").contains("fusa.allowed-roots"));
        assertThat(RepositoryUrls.credentialProblem("https://ghp_token@example.org/repo.git")).isPresent();
        assertThat(RepositoryUrls.credentialProblem("git://u:p@example.org/repo.git")).isPresent();
        assertThat(RepositoryUrls.credentialProblem("HTTPS://u:p@example.org/repo.git")).isPresent();
        assertThat(RepositoryUrls.credentialProblem("ssh://git:secret@example.org/repo.git")).isPresent();
        assertThat(RepositoryUrls.credentialProblem("git:secret@example.org:repo.git")).isPresent();
    }

    @Test
    void acceptsUrlsWithoutCredentials() {
        assertThat(RepositoryUrls.credentialProblem("https://example.org/repo.git")).isEmpty();
        assertThat(RepositoryUrls.credentialProblem("https://example.org/a@b/repo.git")).isEmpty();
        assertThat(RepositoryUrls.credentialProblem("ssh://git@example.org/repo.git")).isEmpty();
        assertThat(RepositoryUrls.credentialProblem("git@example.org:xen/xen.git")).isEmpty();
        assertThat(RepositoryUrls.credentialProblem("/srv/repos/xen")).isEmpty();
    }

    @Test
    void refusesSshUrlsWithWhatToDoInstead() {
        // JGit without its SSH module failed on them with a NullPointerException (no SshSessionFactory)
        for (String url : new String[] {"ssh://git@example.org/xen.git", "SSH://example.org/xen.git",
                "git@example.org:xen/xen.git", "git+ssh://example.org/xen.git"}) {
            assertThat(RepositoryUrls.schemeProblem(url)).as(url).hasValueSatisfying(m -> assertThat(m)
                    .startsWith("ssh URLs are not supported").contains("https://").contains("git clone --mirror")
                    .contains("fusa.allowed-roots"));
        }
        assertThat(RepositoryUrls.schemeProblem("ftp://example.org/xen.git")).hasValueSatisfying(m -> assertThat(m)
                .contains("'ftp' is not accepted"));
        assertThat(RepositoryUrls.schemeProblem("http://example.org/xen.git")).isPresent();
        assertThat(RepositoryUrls.schemeProblem("file:///srv/xen.git")).isPresent();
    }

    @Test
    void acceptsHttpsAndGitUrls() {
        assertThat(RepositoryUrls.schemeProblem("https://xenbits.xen.org/git-http/xen.git")).isEmpty();
        assertThat(RepositoryUrls.schemeProblem("HTTPS://example.org/xen.git")).isEmpty();
        assertThat(RepositoryUrls.schemeProblem("git://xenbits.xen.org/xen.git")).isEmpty();
    }

    @Test
    void masksTheUserInfoOfEveryUrlInAText() {
        assertThat(RepositoryUrls.mask("https://user:password@example.org/repo.git"))
                .isEqualTo("https://***@example.org/repo.git");
        assertThat(RepositoryUrls.mask("Cannot clone https://u:p%40ss@h/r.git: https://u:p%40ss@h/r.git: not authorized"))
                .isEqualTo("Cannot clone https://***@h/r.git: https://***@h/r.git: not authorized");
        assertThat(RepositoryUrls.mask("https://example.org/a@b")).isEqualTo("https://example.org/a@b");
        assertThat(RepositoryUrls.mask("/srv/repos/xen")).isEqualTo("/srv/repos/xen");
        assertThat(RepositoryUrls.mask(null)).isEmpty();
    }
}
