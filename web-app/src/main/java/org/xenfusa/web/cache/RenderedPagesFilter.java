package org.xenfusa.web.cache;

import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts {@link RenderedPages} after Spring Security's filters (so the account, its roles and the CSRF token are known,
 * and every answer, kept or not, gets the security headers), for the pages a meeting opens at once.
 */
@Configuration
public class RenderedPagesFilter {
    /** The pages kept: the dashboard, a configuration's SLOC and its trend across tags, the readiness history. */
    static final List<String> PAGES = List.of("/", "/configurations/{id}/sloc", "/configurations/{id}/trend",
            "/readiness/history");

    @Bean
    RenderedPages renderedPages(@Value("${fusa.pages.cache-ttl:2s}") Duration ttl) {
        return new RenderedPages(ttl, PAGES);
    }

    @Bean
    FilterRegistrationBean<RenderedPages> renderedPagesRegistration(RenderedPages pages) {
        FilterRegistrationBean<RenderedPages> registration = new FilterRegistrationBean<>(pages);
        registration.setOrder(0); // Spring Security's chain is at -100
        registration.addUrlPatterns("/*");
        return registration;
    }
}
