package org.xenfusa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.xenfusa.model.config.SavedConfiguration;
import org.xenfusa.model.ingest.IngestJobRepository;
import org.xenfusa.model.source.Snapshot;
import org.xenfusa.model.source.SnapshotRepository;
import org.xenfusa.model.trace.LinkKind;
import org.xenfusa.model.trace.LinkState;
import org.xenfusa.model.trace.TraceLink;
import org.xenfusa.model.trace.TraceLinkRepository;
import org.xenfusa.model.user.AppUser;
import org.xenfusa.model.user.AppUserRepository;
import org.xenfusa.model.user.Role;
import org.xenfusa.model.config.StartKind;
import org.xenfusa.web.config.ConfigurationForm;
import org.xenfusa.web.config.ConfigurationService;
import org.xenfusa.web.ingest.IngestService;
import org.xenfusa.web.ingest.RepositoryRegistrar;
import org.xenfusa.web.trace.LinkService;
import org.xenfusa.web.trace.RequirementService;
import org.xenfusa.web.trace.TraceService;

/**
 * The requirement page's "Suggested functions" through the real platform: suggestions of a configuration with their
 * reasons and code, the one-click draft link for an engineer (never coverage until another engineer reviews it), and
 * no link button for a viewer.
 */
@IntegrationTest
class LinkSuggestionsIntegrationTest {
    private static final String VIEWER = "suggest-viewer";
    private static final String ITEM = "XenSwdgn~fa_start~1";

    @Autowired RepositoryRegistrar registrar;
    @Autowired IngestService ingest;
    @Autowired IngestJobRepository jobs;
    @Autowired SnapshotRepository snapshots;
    @Autowired AppUserRepository users;
    @Autowired PasswordEncoder encoder;
    @Autowired ConfigurationService configurations;
    @Autowired RequirementService requirements;
    @Autowired TraceService traces;
    @Autowired LinkService links;
    @Autowired TraceLinkRepository linkRows;
    @LocalServerPort int port;

    TraceFixture fixture;

    @BeforeEach
    void fixture() {
        fixture = new TraceFixture(registrar, ingest, jobs, snapshots, users, encoder);
        if (users.findByUsername(VIEWER).isEmpty()) {
            users.save(new AppUser(VIEWER, encoder.encode(TraceFixture.PASSWORD), Role.VIEWER));
        }
    }

    @Test
    void anEngineerLinksASuggestedFunctionAsADraftThatCountsOnlyOnceReviewed() throws Exception {
        Snapshot s;
        try (SyntheticRepository repo = TraceFixture.newRepository()) {
            repo.commit("one", "RELEASE-1", TraceFixture.tree(1, TraceFixture.FA_C));
            s = fixture.snapshot(fixture.registerAndIngest("suggest-links", repo), "RELEASE-1");
        }
        long repoId = s.getRepository().getId();
        SavedConfiguration cfg = configurations.create(new ConfigurationForm("suggest-default", repoId, "RELEASE-1",
                "x86_64", StartKind.DEFCONFIG, "", "", "", ""), "tester");
        requirements.importSnapshot(s.getId(), TraceFixture.ENGINEER);
        String page = "/trace/" + s.getId() + "/items/" + ITEM;

        WebSession engineer = WebSession.login(port, TraceFixture.ENGINEER, TraceFixture.PASSWORD);
        String plain = engineer.get(page).body();
        // the panel asks for a configuration; nothing is computed before it is chosen
        assertThat(plain).contains("id=\"suggest-form\"").contains("suggest-default")
                .doesNotContain("id=\"suggestion-list\"");
        String body = engineer.get(page + "?suggest=" + cfg.getId()).body();
        assertThat(body).contains("id=\"suggestion-list\"").contains("compiled files of suggest-default searched");
        String list = body.substring(body.indexOf("id=\"suggestion-list\""));
        // "Start feature A": fa_start is named by two of its words; its code is there on demand
        assertThat(list.indexOf(">fa_start<")).isPositive().isLessThan(list.indexOf(">fa_helper<") < 0
                ? Integer.MAX_VALUE : list.indexOf(">fa_helper<"));
        assertThat(list).contains("<strong>Start</strong>").contains("<summary>code</summary>").contains("fa = 1;");

        Map<String, String> form = firstSuggestionForm(body);
        assertThat(form).containsEntry("function", "fa_start").containsEntry("file", "xen/common/fa.c")
                .containsEntry("suggest", String.valueOf(cfg.getId()));
        StringBuilder fields = new StringBuilder();
        form.forEach((k, v) -> {
            if (!k.equals("action")) {
                fields.append(fields.isEmpty() ? "" : "&").append(k).append('=').append(WebSession.enc(v));
            }
        });
        HttpResponse<String> posted = engineer.post(form.get("action"), fields.toString(), page);
        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(posted.headers().firstValue("Location").orElseThrow()).endsWith("?suggest=" + cfg.getId());

        TraceLink draft = linkRows.findByRepositoryIdOrderByIdAsc(repoId).stream()
                .filter(l -> l.getKind() == LinkKind.CODE && l.getRequirement().equals(ITEM)).findFirst().orElseThrow();
        assertThat(draft.getState()).isEqualTo(LinkState.DRAFT);
        assertThat(draft.getFunctionName()).isEqualTo("fa_start");
        assertThat(draft.getAuthor()).isEqualTo(TraceFixture.ENGINEER);
        // a suggestion made into a draft is not coverage
        assertThat(traces.trace(s.getId()).items(ITEM).get(0).verdict()).isEqualTo("uncovered");
        String after = engineer.get(page + "?suggest=" + cfg.getId()).body();
        assertThat(after).contains(">linked<");

        // a viewer sees the suggestions but no button
        String viewed = WebSession.login(port, VIEWER, TraceFixture.PASSWORD).get(page + "?suggest=" + cfg.getId())
                .body();
        assertThat(viewed).contains("id=\"suggestion-list\"").contains(">fa_start<")
                .doesNotContain("class=\"suggestion-link\"");

        // reviewed by another engineer, as every draft, it covers
        links.review(draft.getId(), s.getId(), TraceFixture.REVIEWER, "fa_start is what the item asks for");
        assertThat(traces.trace(s.getId()).items(ITEM).get(0).verdict()).isEqualTo("covered");

        // bad input: a number of suggestions out of range is refused with its reason
        HttpResponse<String> bad = engineer.get(page + "?suggest=" + cfg.getId() + "&top=0");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("must be from 1 to 50, not 0");
    }

    private static Map<String, String> firstSuggestionForm(String html) {
        Matcher f = Pattern.compile("<form[^>]*class=\"suggestion-link\"[^>]*action=\"([^\"]+)\"").matcher(html);
        assertThat(f.find()).as("a suggestion's link button").isTrue();
        Map<String, String> out = new LinkedHashMap<>();
        out.put("action", URLDecoder.decode(f.group(1).replace("&amp;", "&"), StandardCharsets.UTF_8));
        String form = html.substring(f.end(), html.indexOf("</form>", f.end()));
        Matcher in = Pattern.compile("name=\"(file|function|startLine|suggest)\" value=\"([^\"]*)\"").matcher(form);
        while (in.find()) {
            out.put(in.group(1), in.group(2));
        }
        return out;
    }
}
