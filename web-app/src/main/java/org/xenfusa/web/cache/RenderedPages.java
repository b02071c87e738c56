package org.xenfusa.web.cache;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.http.server.PathContainer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * The rendered HTML of the busiest read-only pages (the dashboard, a configuration's SLOC, the pages across releases),
 * kept for a short time ({@code fusa.pages.cache-ttl}, 2 s by default) per page address and account, so that a room
 * full of people on the dashboard costs the server one rendering per page and account every few seconds instead of
 * one per request. What it keeps and why it stays true:
 * <ul>
 * <li>Only a 200 answer in HTML to a GET of an authenticated account, keyed by the address with its query, the
 * account's name and its roles: nobody sees a page rendered for another account or role.</li>
 * <li>The page's CSRF token is the one per-session part: it is cut out when the page is kept and each request's own
 * token is put back when it is served, so forms keep working.</li>
 * <li>Any request that changes something on this instance (every method but GET and HEAD) drops every kept page, and
 * a request carrying a flash message (the answer to the user's own action) is never served from or kept in the
 * cache. Another instance's changes show within the time to live and one rendering, as the pages' own 10-second
 * refresh does.</li>
 * <li>Requests for a page that is being rendered for the first time wait for that rendering (up to 30 s) instead of
 * rendering it again. A kept page older than the time to live is rendered again by the next request for it, while the
 * requests that come meanwhile are served the kept page (so a room full of people never all wait for one rendering);
 * a kept page is never served more than {@link #STALE_FACTOR} times the time to live after it was rendered.</li>
 * <li>A rendering that began before a change is not kept: only what was rendered after the last change is.</li>
 * </ul>
 * A time to live of zero turns the cache off.
 */
public final class RenderedPages extends OncePerRequestFilter {
    private static final String FLASH_MAPS = "org.springframework.web.servlet.support.SessionFlashMapManager.FLASH_MAPS";
    private static final long WAIT_SECONDS = 30;
    private static final long MAX_BYTES = 64L * 1024 * 1024;
    /** A kept page is served while it is rendered again up to this many times its time to live after rendering. */
    static final int STALE_FACTOR = 5;

    /**
     * A kept page: its HTML in UTF-8, cut where the CSRF token was (served with each request's own token between the
     * parts, so serving it costs no string work on a page of up to a few hundred kilobytes), and its content type.
     */
    private record Page(List<byte[]> parts, String contentType, int bytes) {
        static Page of(String html, String token, String contentType) {
            List<byte[]> parts = (token == null || token.isEmpty() ? List.of(html)
                    : List.of(html.split(java.util.regex.Pattern.quote(token), -1))).stream()
                    .map(part -> part.getBytes(StandardCharsets.UTF_8)).toList();
            return new Page(parts, contentType, parts.stream().mapToInt(b -> b.length).sum());
        }
    }

    /** A kept page, when it was rendered (System.nanoTime) and whether a request is rendering it again. */
    private static final class Kept {
        final Page page;
        final long renderedAt;
        final AtomicBoolean renewing = new AtomicBoolean();

        Kept(Page page, long renderedAt) {
            this.page = page;
            this.renderedAt = renderedAt;
        }
    }

    private final Duration ttl;
    private final List<PathPattern> pages;
    private final Cache<String, Kept> cache;
    /** First renderings in progress: the requests for the same page wait for them. */
    private final ConcurrentHashMap<String, CompletableFuture<Page>> first = new ConcurrentHashMap<>();
    /** Counts the changes; a rendering that began before the last one is not kept. */
    private final AtomicLong changes = new AtomicLong();
    private final AtomicLong rendered = new AtomicLong();
    private final AtomicLong served = new AtomicLong();

    /**
     * @param ttl   how long a rendered page is served again; zero for never
     * @param pages the page patterns kept (Spring path patterns, e.g. {@code /configurations/{id}/sloc})
     */
    public RenderedPages(Duration ttl, List<String> pages) {
        this.ttl = ttl;
        this.pages = pages.stream().map(PathPatternParser.defaultInstance::parse).toList();
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(ttl.isZero() ? Duration.ofNanos(1) : ttl.multipliedBy(STALE_FACTOR))
                .maximumWeight(MAX_BYTES).weigher((String k, Kept p) -> p.page.bytes() + k.length())
                .build();
    }

    /** Pages rendered for the cache, and requests answered from it (for tests and benchmarks). */
    public long rendered() {
        return rendered.get();
    }

    public long served() {
        return served.get();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            try {
                chain.doFilter(request, response);
            } finally {
                changes.incrementAndGet();
                cache.invalidateAll();
            }
            return;
        }
        String key = key(request);
        if (key == null) {
            chain.doFilter(request, response);
            return;
        }
        Kept kept = cache.getIfPresent(key);
        if (kept != null) {
            if (System.nanoTime() - kept.renderedAt < ttl.toNanos() || !kept.renewing.compareAndSet(false, true)) {
                serve(kept.page, request, response); // fresh, or being rendered again by another request
                return;
            }
            try {
                renderAndKeep(key, request, response, chain);
            } finally {
                kept.renewing.set(false);
            }
            return;
        }
        CompletableFuture<Page> mine = new CompletableFuture<>();
        CompletableFuture<Page> existing = first.putIfAbsent(key, mine);
        if (existing != null) {
            Page page = await(existing);
            if (page != null) {
                serve(page, request, response);
                return;
            }
            // the other rendering was not kept (an error, a redirect): render this one without the cache
            chain.doFilter(request, response);
            return;
        }
        Page page = null;
        try {
            page = renderAndKeep(key, request, response, chain);
        } finally {
            mine.complete(page);
            first.remove(key, mine);
        }
    }

    /**
     * Renders the page for this request and keeps it, unless it may not be kept (then a kept one is dropped: the page
     * now answers otherwise, e.g. 404) or something changed while it was rendered.
     */
    private Page renderAndKeep(String key, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long before = changes.get();
        long at = System.nanoTime();
        Page page = render(request, response, chain);
        if (page == null) {
            cache.invalidate(key);
        } else if (changes.get() == before) {
            cache.put(key, new Kept(page, at));
        }
        return page;
    }

    private static Page await(CompletableFuture<Page> rendering) throws ServletException {
        try {
            return rendering.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServletException("interrupted while waiting for a page being rendered", e);
        } catch (ExecutionException | TimeoutException e) {
            return null;
        }
    }

    /** Renders the page for this request, and returns it for the cache when it may be kept. */
    private Page render(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, wrapper);
        Page page = null;
        String type = wrapper.getContentType();
        if (wrapper.getStatus() == HttpServletResponse.SC_OK && type != null && type.startsWith("text/html")) {
            page = Page.of(new String(wrapper.getContentAsByteArray(), StandardCharsets.UTF_8), token(request), type);
            rendered.incrementAndGet();
        }
        wrapper.copyBodyToResponse();
        return page;
    }

    private void serve(Page page, HttpServletRequest request, HttpServletResponse response) throws IOException {
        String token = token(request);
        byte[] own = (token == null ? "" : token).getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(page.contentType());
        response.setContentLength(page.bytes() + own.length * (page.parts().size() - 1));
        if (!"HEAD".equals(request.getMethod())) {
            var out = response.getOutputStream();
            for (int i = 0; i < page.parts().size(); i++) {
                if (i > 0) {
                    out.write(own);
                }
                out.write(page.parts().get(i));
            }
        }
        served.incrementAndGet();
    }

    private static String token(HttpServletRequest request) {
        Object t = request.getAttribute(CsrfToken.class.getName());
        return t instanceof CsrfToken csrf ? csrf.getToken() : null;
    }

    /** The cache key of a request that may be answered from the cache, or {@code null}. */
    private String key(HttpServletRequest request) {
        if (ttl.isZero()) {
            return null;
        }
        PathContainer path = PathContainer.parsePath(request.getRequestURI().substring(
                request.getContextPath().length()));
        if (pages.stream().noneMatch(p -> p.matches(path))) {
            return null;
        }
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        if (who == null || !who.isAuthenticated() || who.getName() == null) {
            return null;
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(FLASH_MAPS) != null) {
            return null; // the answer to the user's own action: shown once, as it is now
        }
        String roles = who.getAuthorities().stream().map(GrantedAuthority::getAuthority).sorted()
                .reduce((a, b) -> a + "," + b).orElse("");
        String query = request.getQueryString();
        return request.getRequestURI() + (query == null ? "" : "?" + query) + "\0" + who.getName() + "\0" + roles;
    }
}
