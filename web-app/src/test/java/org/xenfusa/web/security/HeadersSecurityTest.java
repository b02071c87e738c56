package org.xenfusa.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.test.web.servlet.MockMvc;
import org.xenfusa.web.SecuredSlice;

/**
 * Security headers (issue 16, item 6): pages and the API answered without a Content-Security-Policy, Referrer-Policy or
 * Permissions-Policy. The policy allows no inline script, so no template may carry one.
 */
class HeadersSecurityTest extends SecuredSlice {
    @Autowired
    MockMvc mvc;

    @Test
    void pagesCarryTheContentSecurityPolicyAndTheOtherPolicies() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(header().string("Content-Security-Policy", "default-src 'self'; script-src 'self'; "
                        + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
                        + "form-action 'self'; frame-ancestors 'none'"))
                .andExpect(header().string("Referrer-Policy", "same-origin"))
                .andExpect(header().string("Permissions-Policy", SecurityConfig.PERMISSIONS_POLICY))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
    }

    @Test
    void theApiCarriesThemToo() throws Exception {
        mvc.perform(get("/api/nothing").with(httpBasic("nobody", "nothing")))
                .andExpect(header().string("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'"))
                .andExpect(header().string("Referrer-Policy", "same-origin"))
                .andExpect(header().string("Permissions-Policy", SecurityConfig.PERMISSIONS_POLICY));
    }

    private static final Pattern SCRIPT = Pattern.compile("<script\\b([^>]*)>(.*?)</script>", Pattern.DOTALL);
    private static final Pattern HANDLER = Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);

    @Test
    void noTemplateHasAnInlineScriptAHandlerAttributeOrAJavascriptUrl() throws IOException {
        Resource[] templates = new PathMatchingResourcePatternResolver().getResources("classpath*:templates/**/*.html");
        assertThat(templates).hasSizeGreaterThan(20);
        List<String> offences = new ArrayList<>();
        for (Resource t : templates) {
            String html = t.getContentAsString(StandardCharsets.UTF_8);
            Matcher m = SCRIPT.matcher(html);
            while (m.find()) {
                boolean external = m.group(1).contains("src=") && m.group(2).isBlank();
                boolean data = m.group(1).contains("type=\"application/json\"");
                if (!external && !data) {
                    offences.add(t.getFilename() + ": inline <script" + m.group(1) + ">");
                }
            }
            Matcher h = HANDLER.matcher(html);
            while (h.find()) {
                offences.add(t.getFilename() + ": handler attribute" + h.group());
            }
            if (html.contains("javascript:")) {
                offences.add(t.getFilename() + ": javascript: URL");
            }
        }
        assertThat(offences).isEmpty();
    }
}
