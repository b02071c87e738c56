package org.xenfusa.web.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The rendered-page cache serves a page again only to the same account and roles, with each request's own CSRF
 * token, never after a change or with a flash message, and renders a page once however many ask for it at once.
 */
class RenderedPagesTest {
    /** A page that says who it was rendered for, with the request's CSRF token in a form, and counts renderings. */
    private static final class Page implements FilterChain {
        final AtomicInteger renderings = new AtomicInteger();
        volatile int status = 200;
        volatile String text = "figures v1";
        volatile CountDownLatch hold;

        @Override
        public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res)
                throws java.io.IOException {
            renderings.incrementAndGet();
            if (hold != null && "GET".equals(((HttpServletRequest) req).getMethod())) {
                try {
                    hold.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            HttpServletRequest request = (HttpServletRequest) req;
            HttpServletResponse response = (HttpServletResponse) res;
            CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
            response.setStatus(status);
            response.setContentType("text/html;charset=UTF-8");
            response.getWriter().write("<meta name=\"_csrf\" content=\"" + token.getToken() + "\"><p>" + text
                    + " for " + SecurityContextHolder.getContext().getAuthentication().getName()
                    + " \u2265 80 %</p><form><input name=\"_csrf\" value=\"" + token.getToken() + "\"></form>");
            response.getWriter().flush();
        }
    }

    private final RenderedPages pages = new RenderedPages(Duration.ofSeconds(30),
            List.of("/", "/configurations/{id}/sloc"));
    private final Page page = new Page();

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    private MockHttpServletResponse get(String user, String role, String uri, String token, MockHttpSession session)
            throws Exception {
        return request("GET", user, role, uri, token, session);
    }

    private MockHttpServletResponse request(String method, String user, String role, String uri, String token,
            MockHttpSession session) throws Exception {
        return request(pages, method, user, role, uri, token, session);
    }

    private MockHttpServletResponse request(RenderedPages filter, String method, String user, String role, String uri,
            String token, MockHttpSession session) throws Exception {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user,
                "n/a", List.of(new SimpleGrantedAuthority("ROLE_" + role))));
        try {
            MockHttpServletRequest request = new MockHttpServletRequest(method, uri);
            request.setSession(session);
            request.setAttribute(CsrfToken.class.getName(), new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", token));
            MockHttpServletResponse response = new MockHttpServletResponse();
            filter.doFilter(request, response, page);
            return response;
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void aPageIsRenderedOnceAndServedAgainWithEachRequestsOwnToken() throws Exception {
        MockHttpServletResponse first = get("alice", "VIEWER", "/", "token-of-session-1", new MockHttpSession());
        MockHttpServletResponse second = get("alice", "VIEWER", "/", "token-of-session-2", new MockHttpSession());

        assertThat(page.renderings).hasValue(1);
        assertThat(first.getContentAsString()).contains("figures v1 for alice").contains("value=\"token-of-session-1\"");
        assertThat(second.getStatus()).isEqualTo(200);
        assertThat(second.getContentType()).startsWith("text/html");
        assertThat(second.getContentAsString()).contains("figures v1 for alice")
                .contains("value=\"token-of-session-2\"").doesNotContain("token-of-session-1")
                .doesNotContain("fusa-csrf-");
        // byte for byte what a rendering for that session gives: the token in each place, other text as it was
        assertThat(second.getContentAsString()).isEqualTo(first.getContentAsString()
                .replace("token-of-session-1", "token-of-session-2"));
        assertThat(second.getContentAsString()).contains("\u2265 80 %");
        assertThat(second.getContentLength()).isEqualTo(second.getContentAsByteArray().length);
        assertThat(pages.served()).isEqualTo(1);
    }

    @Test
    void anotherAccountOrRoleOrAddressIsRenderedForItself() throws Exception {
        get("alice", "VIEWER", "/", "t1", new MockHttpSession());
        assertThat(get("bob", "VIEWER", "/", "t2", new MockHttpSession()).getContentAsString()).contains("for bob");
        get("alice", "ADMIN", "/", "t3", new MockHttpSession());
        get("alice", "VIEWER", "/?ref=RELEASE-4.21.0", "t4", new MockHttpSession());
        get("alice", "VIEWER", "/configurations/1/sloc", "t5", new MockHttpSession());
        assertThat(page.renderings).hasValue(5);
    }

    @Test
    void aChangeDropsEveryKeptPage() throws Exception {
        get("alice", "VIEWER", "/", "t1", new MockHttpSession());
        page.text = "figures v2";
        request("POST", "carol", "ADMIN", "/configurations/1/tracked", "t9", new MockHttpSession());
        assertThat(get("alice", "VIEWER", "/", "t1", new MockHttpSession()).getContentAsString())
                .contains("figures v2");
    }

    @Test
    void theAnswerToTheUsersOwnActionIsNeitherServedFromNorKeptInTheCache() throws Exception {
        get("alice", "VIEWER", "/", "t1", new MockHttpSession());
        MockHttpSession withFlash = new MockHttpSession();
        withFlash.setAttribute("org.springframework.web.servlet.support.SessionFlashMapManager.FLASH_MAPS",
                new java.util.ArrayList<>(List.of(new org.springframework.web.servlet.FlashMap())));
        page.text = "figures v2 with a notice";
        assertThat(get("alice", "VIEWER", "/", "t1", withFlash).getContentAsString()).contains("with a notice");
        page.text = "figures v3";
        assertThat(get("alice", "VIEWER", "/", "t1", new MockHttpSession()).getContentAsString())
                .contains("figures v1");
    }

    @Test
    void onlyAnOkPageOfAListedAddressIsKept() throws Exception {
        page.status = 404;
        get("alice", "VIEWER", "/", "t1", new MockHttpSession());
        get("alice", "VIEWER", "/", "t1", new MockHttpSession());
        assertThat(page.renderings).hasValue(2);
        page.status = 200;
        get("alice", "VIEWER", "/jobs", "t1", new MockHttpSession());
        get("alice", "VIEWER", "/jobs", "t1", new MockHttpSession());
        assertThat(page.renderings).hasValue(4);
    }

    @Test
    void aTimeToLiveOfZeroTurnsItOff() throws Exception {
        RenderedPages off = new RenderedPages(Duration.ZERO, List.of("/"));
        for (int i = 0; i < 2; i++) {
            SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    "alice", "n/a", List.of(new SimpleGrantedAuthority("ROLE_VIEWER"))));
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
            request.setAttribute(CsrfToken.class.getName(), new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "t"));
            off.doFilter(request, new MockHttpServletResponse(), page);
        }
        assertThat(page.renderings).hasValue(2);
        assertThat(off.served()).isZero();
    }

    @Test
    void requestsForAPageBeingRenderedWaitForItInsteadOfRenderingItAgain() throws Exception {
        page.hold = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<MockHttpServletResponse>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String token = "token-" + i;
                answers.add(pool.submit(() -> get("alice", "VIEWER", "/", token, new MockHttpSession())));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (page.renderings.get() == 0 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            page.hold.countDown();
            for (int i = 0; i < 8; i++) {
                assertThat(answers.get(i).get(10, TimeUnit.SECONDS).getContentAsString())
                        .contains("value=\"token-" + i + "\"");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(page.renderings).hasValue(1);
    }

    @Test
    void aPageOlderThanItsTimeToLiveIsRenderedAgainByOneRequestWhileTheOthersAreServedTheKeptOne() throws Exception {
        RenderedPages shortLived = new RenderedPages(Duration.ofMillis(200), List.of("/"));
        assertThat(getFrom(shortLived, "t0").getContentAsString()).contains("figures v1");
        Thread.sleep(250);
        page.text = "figures v2";
        page.hold = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<MockHttpServletResponse> renewing = pool.submit(() -> getFrom(shortLived, "t1"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (page.renderings.get() < 2 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            // the rendering is held: others are answered at once with the kept page, not made to wait
            for (int i = 0; i < 3; i++) {
                assertThat(pool.submit(() -> getFrom(shortLived, "t2")).get(5, TimeUnit.SECONDS).getContentAsString())
                        .contains("figures v1").contains("value=\"t2\"");
            }
            page.hold.countDown();
            assertThat(renewing.get(10, TimeUnit.SECONDS).getContentAsString()).contains("figures v2");
        } finally {
            page.hold = null;
            pool.shutdownNow();
        }
        assertThat(getFrom(shortLived, "t3").getContentAsString()).contains("figures v2");
        assertThat(page.renderings).hasValue(2);

        // long past its time to live (STALE_FACTOR times), a kept page is not served while it is rendered again
        Thread.sleep(200L * RenderedPages.STALE_FACTOR + 50);
        page.text = "figures v3";
        assertThat(getFrom(shortLived, "t4").getContentAsString()).contains("figures v3");
    }

    @Test
    void aRenderingThatBeganBeforeAChangeIsNotKept() throws Exception {
        page.hold = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(1);
        try {
            Future<MockHttpServletResponse> before = pool.submit(() -> get("alice", "VIEWER", "/", "t1",
                    new MockHttpSession()));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (page.renderings.get() == 0 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            request("POST", "carol", "ADMIN", "/configurations/1/tracked", "t9", new MockHttpSession());
            page.hold.countDown();
            assertThat(before.get(10, TimeUnit.SECONDS).getContentAsString()).contains("figures v1");
        } finally {
            page.hold = null;
            pool.shutdownNow();
        }
        page.text = "figures v2";
        assertThat(get("alice", "VIEWER", "/", "t2", new MockHttpSession()).getContentAsString())
                .contains("figures v2");
    }

    private MockHttpServletResponse getFrom(RenderedPages filter, String token) throws Exception {
        return request(filter, "GET", "alice", "VIEWER", "/", token, new MockHttpSession());
    }
}
