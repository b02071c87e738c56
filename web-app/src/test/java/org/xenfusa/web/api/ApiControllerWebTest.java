package org.xenfusa.web.api;

import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.xenfusa.web.SecuredSlice;
import org.xenfusa.model.ingest.IngestJob;
import org.xenfusa.model.ingest.IngestJobRepository;
import org.xenfusa.model.ingest.IngestMode;
import org.xenfusa.model.source.RepositoryKind;
import org.xenfusa.model.source.SnapshotRepository;
import org.xenfusa.model.source.SourceRepository;
import org.xenfusa.model.source.SourceRepositoryRepository;
import org.xenfusa.web.ingest.IngestService;
import org.xenfusa.web.platform.InvalidInputException;
import org.xenfusa.web.ingest.RepositoryRegistrar;
import org.xenfusa.web.sloc.SlocService;

/** The REST API's errors (status and message) and its roles, with the services mocked. */
class ApiControllerWebTest extends SecuredSlice {
    @Autowired
    MockMvc mvc;

    @Autowired
    SourceRepositoryRepository repositories;

    @Autowired
    SnapshotRepository snapshots;

    @Autowired
    IngestJobRepository jobs;

    @Autowired
    RepositoryRegistrar registrar;

    @Autowired
    IngestService ingest;

    @Autowired
    SlocService sloc;

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    /** A stored repository (the database would have given it its id). */
    private static SourceRepository repository() {
        SourceRepository r = new SourceRepository("xen", "/srv/xen", RepositoryKind.LOCAL, "/srv/xen/.git", "admin");
        ReflectionTestUtils.setField(r, "id", 7L);
        return r;
    }

    @Test
    void withoutCredentialsTheApiAsksForThem() throws Exception {
        mvc.perform(get("/api/repositories")).andExpect(status().isUnauthorized());
    }

    @Test
    void onlyAnAdminRegistersOrIngests() throws Exception {
        mvc.perform(json(post("/api/repositories"), "{\"name\":\"xen\",\"location\":\"/srv/xen\"}")
                .with(user("eng").roles("ENGINEER"))).andExpect(status().isForbidden());
        mvc.perform(json(post("/api/repositories/1/ingest"), "{\"mode\":\"TAGS\",\"ref\":\"RELEASE-*\"}")
                .with(user("eng").roles("ENGINEER"))).andExpect(status().isForbidden());
        verifyNoInteractions(registrar, ingest);
    }

    @Test
    void aRefusedLocationIsABadRequestWithTheRegistrarsMessage() throws Exception {
        when(registrar.register("xen", "http://example.org/xen.git", null, "root"))
                .thenThrow(new InvalidInputException("only https, ssh or git URLs are accepted"));
        mvc.perform(json(post("/api/repositories"), "{\"name\":\"xen\",\"location\":\"http://example.org/xen.git\"}")
                .with(user("root").roles("ADMIN")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("only https, ssh or git URLs are accepted"));
    }

    @Test
    void aRegisteredRepositoryIsCreatedWithTheCallerAsAuthor() throws Exception {
        when(registrar.register("xen", "/srv/xen", null, "root")).thenReturn(repository());
        mvc.perform(json(post("/api/repositories"), "{\"name\":\"xen\",\"location\":\"/srv/xen\"}")
                .with(user("root").roles("ADMIN")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").value(7))
                .andExpect(jsonPath("$.name").value("xen"))
                .andExpect(jsonPath("$.kind").value("LOCAL"));
    }

    @Test
    void aCredentialsReferenceIsPassedToTheRegistrarByName() throws Exception {
        when(registrar.register("priv", "https://example.org/priv.git", "github", "root")).thenReturn(repository());
        mvc.perform(json(post("/api/repositories"),
                "{\"name\":\"priv\",\"location\":\"https://example.org/priv.git\",\"credentials\":\"github\"}")
                .with(user("root").roles("ADMIN")))
                .andExpect(status().isCreated());
        verify(registrar).register("priv", "https://example.org/priv.git", "github", "root");
    }

    @Test
    void ingestingAnUnknownRepositoryIsNotFound() throws Exception {
        when(repositories.findById(7L)).thenReturn(Optional.empty());
        mvc.perform(json(post("/api/repositories/7/ingest"), "{\"mode\":\"REF\",\"ref\":\"master\"}")
                .with(user("root").roles("ADMIN"))).andExpect(status().isNotFound());
        verifyNoInteractions(ingest);
    }

    @Test
    void aRefIngestNeedsARef() throws Exception {
        when(repositories.findById(7L)).thenReturn(Optional.of(repository()));
        mvc.perform(json(post("/api/repositories/7/ingest"), "{\"mode\":\"REF\",\"ref\":\"  \"}")
                .with(user("root").roles("ADMIN"))).andExpect(status().isBadRequest());
        // no mode means REF
        mvc.perform(json(post("/api/repositories/7/ingest"), "{}")
                .with(user("root").roles("ADMIN"))).andExpect(status().isBadRequest());
        verifyNoInteractions(ingest);
    }

    @Test
    void anAcceptedIngestReturnsTheJob() throws Exception {
        when(repositories.findById(7L)).thenReturn(Optional.of(repository()));
        IngestJob job = new IngestJob(7L, IngestMode.TAGS, "RELEASE-*", "root");
        ReflectionTestUtils.setField(job, "id", 31L);
        when(ingest.request(eq(7L), eq(IngestMode.TAGS), eq("RELEASE-*"), eq("root"))).thenReturn(job);
        mvc.perform(json(post("/api/repositories/7/ingest"), "{\"mode\":\"TAGS\",\"ref\":\"RELEASE-*\"}")
                .with(user("root").roles("ADMIN")))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.id").value(31))
                .andExpect(jsonPath("$.state").value("QUEUED"));
        verify(ingest).request(7L, IngestMode.TAGS, "RELEASE-*", "root");
    }

    @Test
    void anUnknownModeIsABadRequest() throws Exception {
        mvc.perform(json(post("/api/repositories/7/ingest"), "{\"mode\":\"EVERYTHING\"}")
                .with(user("root").roles("ADMIN"))).andExpect(status().isBadRequest());
        verifyNoInteractions(ingest);
    }

    @Test
    void unknownJobsAndSnapshotsAreNotFound() throws Exception {
        when(jobs.findById(anyLong())).thenReturn(Optional.empty());
        when(sloc.sloc(anyLong(), anyString())).thenReturn(Optional.empty());
        mvc.perform(get("/api/jobs/5").with(user("v").roles("VIEWER"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/snapshots/5/sloc").with(user("v").roles("VIEWER"))).andExpect(status().isNotFound());
        verify(sloc).sloc(5L, "xen/");
    }

    @Test
    void aViewerReadsTheRepositories() throws Exception {
        when(repositories.findAllByOrderByNameAsc()).thenReturn(java.util.List.of(repository()));
        mvc.perform(get("/api/repositories").with(user("v").roles("VIEWER")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].name").value("xen"))
                // a local repository's folder is a server path: ADMIN only (issue 16, item 7)
                .andExpect(jsonPath("$[0].location").value(org.xenfusa.web.security.ServerPaths.HIDDEN));
        verifyNoInteractions(registrar);
    }
}
