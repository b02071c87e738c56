package org.xenfusa.web.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.xenfusa.model.source.SnapshotRepository;
import org.xenfusa.model.source.SourceRepositoryRepository;
import org.xenfusa.model.trace.Requirement;
import org.xenfusa.model.trace.RequirementOrigin;
import org.xenfusa.sloc.tree.DirectorySourceTree;
import org.xenfusa.trace.function.FunctionIndex;
import org.xenfusa.trace.link.LinkSet;
import org.xenfusa.trace.report.Traceability;
import org.xenfusa.trace.spec.ItemStatus;
import org.xenfusa.trace.spec.Location;
import org.xenfusa.trace.spec.SpecificationImport;
import org.xenfusa.trace.spec.SpecificationItem;
import org.xenfusa.trace.spec.SpecificationItemId;
import org.xenfusa.web.SecuredSlice;
import org.xenfusa.web.trace.RequirementService.RequirementText;

/**
 * The requirement forms (new on the trace page, edit, link a function, link a test) bind to validated records: a valid
 * form reaches the service as one record, each invalid field is shown beside it on the same page (HTTP 400, what was
 * typed kept, nothing written), and a form without its CSRF token is refused.
 */
class RequirementFormsWebTest extends SecuredSlice {
    private static final String ITEM = "swunit~unit_a~1";
    private static final long RID = 5;

    @Autowired MockMvc mvc;
    @Autowired TraceService traces;
    @Autowired TracePages pages;
    @Autowired RequirementService requirements;
    @Autowired LinkService links;
    @Autowired SourceRepositoryRepository repositories;
    @Autowired SnapshotRepository snapshots;

    @TempDir Path empty;
    Requirement stored;

    @BeforeEach
    void oneAuthoredRequirement() throws Exception {
        SpecificationItem item = new SpecificationItem(SpecificationItemId.parse(ITEM), "Unit A counts", "It counts.", "",
                "", new Location(TraceService.AUTHORED_PATH, 0), ItemStatus.APPROVED, List.of(), List.of(),
                List.of("impl"), List.of(), false);
        SnapshotTrace trace;
        try (DirectorySourceTree tree = DirectorySourceTree.open(empty)) {
            trace = new SnapshotTrace("k", new SnapshotTrace.SnapshotRef(1, 2, "xen", "RELEASE-1", "0123456789abcdef"),
                    Traceability.link(new SpecificationImport(List.of(item), List.of()), LinkSet.empty(),
                            FunctionIndex.of(tree)), Map.of(ITEM, List.of(RID)), List.of());
        }
        stored = new Requirement(1L, null, RequirementOrigin.WEB, 0, "swunit", "unit_a", 1, "", 0, "engineer");
        stored.setContent(1, "Unit A counts", "It counts.", "", "", "approved", "", "", "impl", "", false);
        ReflectionTestUtils.setField(stored, "id", RID);
        when(traces.trace(1)).thenReturn(trace);
        when(pages.requirement(1, ITEM)).thenReturn(new TracePages.RequirementPage(trace, ITEM, trace.items(ITEM),
                List.of(stored), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                Map.of(RID, List.of()), true));
        when(requirements.find(RID)).thenReturn(stored);
        // the trace page's table (the refused form is shown on it again): no rows, one empty page
        when(pages.rows(org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any(),
                org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.anyInt(),
                org.mockito.ArgumentMatchers.anyInt())).thenReturn(new TracePages.RowPage(List.of(), 1,
                        TracePages.BROWSER_PAGE_SIZE, 0));
    }

    private static Map<String, String> newRequirement() {
        // exactly the fields of the trace page's form before it had comment and depends
        return new HashMap<>(Map.of("id", "swunit~unit_b~1", "title", "Unit B keeps time", "description",
                "It shall count.", "rationale", "", "covers", "", "needs", "impl", "status", "approved"));
    }

    private static MockHttpServletRequestBuilder form(String url, Map<String, String> fields) {
        MockHttpServletRequestBuilder b = post(url).with(csrf());
        fields.forEach(b::param);
        return b;
    }

    private String refused(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
    }

    /** The text of the form with that id in the page. */
    private static String formIn(String html, String id) {
        int at = html.indexOf("id=\"" + id + "\"");
        assertThat(at).as("form " + id + " on the page").isPositive();
        return html.substring(at, html.indexOf("</form>", at));
    }

    @Test
    @WithMockUser(username = "engineer", roles = "ENGINEER")
    void theTracePagesFormWithoutCommentAndDependsCreatesTheRequirement() throws Exception {
        Requirement created = new Requirement(1L, null, RequirementOrigin.WEB, 0, "swunit", "unit_b", 1, "", 0, "engineer");
        when(requirements.create(anyLong(), any(), eq("engineer"))).thenReturn(created);
        mvc.perform(form("/trace/1/requirements", newRequirement())).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/trace/1/items/swunit~unit_b~1"));
        ArgumentCaptor<RequirementText> text = ArgumentCaptor.forClass(RequirementText.class);
        verify(requirements).create(eq(1L), text.capture(), eq("engineer"));
        assertThat(text.getValue()).isEqualTo(new RequirementText("swunit~unit_b~1", "Unit B keeps time",
                "It shall count.", "", "", "approved", "", "", "impl"));
    }

    static Stream<Arguments> invalidNewRequirements() {
        return Stream.of(
                Arguments.of("id", "", "give the id: type~name~revision"),
                Arguments.of("id", "not an id", "not a requirement id: type~name~revision"),
                Arguments.of("title", " ", "a requirement needs a title"),
                Arguments.of("description", "x".repeat(100_001), "the description is limited to 100,000 characters"),
                Arguments.of("rationale", "x".repeat(100_001), "the rationale is limited to 100,000 characters"),
                Arguments.of("comment", "x".repeat(100_001), "the comment is limited to 100,000 characters"),
                Arguments.of("covers", "XenProd~feature_a~1\nfeature b", "covers: requirement ids (type~name~revision)"),
                Arguments.of("depends", "XenProd~feature_a", "depends: requirement ids (type~name~revision)"),
                Arguments.of("needs", "impl, 2tests", "needs: artifact types (letters only"),
                Arguments.of("status", "finished", "status must be approved, proposed, draft or rejected"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("invalidNewRequirements")
    @WithMockUser(username = "engineer", roles = "ENGINEER")
    void anInvalidFieldIsShownBesideItOnTheTracePageAndNothingIsCreated(String field, String value, String message)
            throws Exception {
        Map<String, String> fields = newRequirement();
        fields.put(field, value);
        String form = formIn(refused(form("/trace/1/requirements", fields)), "new-requirement");
        // the message right after the field, which is marked, and the other fields keep what was typed
        int input = form.indexOf("name=\"" + field + "\"");
        assertThat(input).isPositive();
        String after = form.substring(input);
        assertThat(after.substring(0, after.indexOf("</label>"))).contains("invalid").contains(message);
        if (!field.equals("title")) {
            assertThat(form).contains("value=\"Unit B keeps time\"");
        }
        verify(requirements, never()).create(anyLong(), any(), anyString());
    }

    @Test
    @WithMockUser(username = "engineer", roles = "ENGINEER")
    void aRefusalOfTheServiceIsShownBesideItsField() throws Exception {
        when(requirements.create(anyLong(), any(), anyString())).thenThrow(new RequirementService.InvalidFieldException("id",
                "a requirement swunit~unit_b already exists: edit it"));
        String form = formIn(refused(form("/trace/1/requirements", newRequirement())), "new-requirement");
        String afterId = form.substring(form.indexOf("name=\"id\""));
        assertThat(afterId.substring(0, afterId.indexOf("</label>"))).contains("already exists: edit it");
        assertThat(form).contains("value=\"swunit~unit_b~1\"");
    }

    @Test
    @WithMockUser(username = "engineer", roles = "ENGINEER")
    void withoutItsCsrfTokenNoFormIsAccepted() throws Exception {
        for (String url : List.of("/trace/1/requirements", "/trace/1/requirements/" + RID,
                "/trace/1/items/" + ITEM + "/code-links", "/trace/1/items/" + ITEM + "/test-links")) {
            MockHttpServletRequestBuilder b = post(url);
            newRequirement().forEach(b::param);
            b.param("file", "xen/common/a.c").param("function", "a").param("test", "t");
            mvc.perform(b).andExpect(status().isForbidden());
        }
        verify(requirements, never()).create(anyLong(), any(), anyString());
        verify(requirements, never()).update(anyLong(), anyLong(), any());
        verify(links, never()).linkFunction(anyLong(), anyString(), any(FunctionLinkForm.class), anyString());
        verify(links, never()).linkTest(anyLong(), anyString(), any(TestLinkForm.class), anyString());
    }

    @Test
    @WithMockUser(username = "viewer", roles = "VIEWER")
    void aViewerWritesNothing() throws Exception {
        mvc.perform(form("/trace/1/requirements", newRequirement())).andExpect(status().isForbidden());
        verify(requirements, never()).create(anyLong(), any(), anyString());
    }

    @Test
    @WithMockUser(username = "engineer", roles = "ENGINEER")
    void theEditFormSavesAValidRequirementAndShowsAnInvalidFieldBesideIt() throws Exception {
        Map<String, String> edit = newRequirement();
        edit.put("id", "swunit~unit_a~2");
        edit.put("comment", "reviewed");
        edit.put("depends", "swunit~unit_c~1");
        Requirement saved = new Requirement(1L, null, RequirementOrigin.WEB, 0, "swunit", "unit_a", 2, "", 0, "engineer");
        when(requirements.update(eq(1L), eq(RID), any())).thenReturn(saved);
        mvc.perform(form("/trace/1/requirements/" + RID, edit)).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/trace/1/items/swunit~unit_a~2"));
        verify(requirements).update(1L, RID, new RequirementText("swunit~unit_a~2", "Unit B keeps time", "It shall count.",
                "", "reviewed", "approved", "", "swunit~unit_c~1", "impl"));

        edit.put("title", "");
        edit.put("depends", "unit c");
        String form = formIn(refused(form("/trace/1/requirements/" + RID, edit)), "edit-requirement");
        assertThat(form).contains("a requirement needs a title")
                .contains("depends: requirement ids (type~name~revision)").contains("value=\"swunit~unit_a~2\"")
                .contains(">unit c</textarea>");
        verify(requirements).update(eq(1L), eq(RID), any());
    }

    @Test
    @WithMockUser(username = "engineer", roles = "ENGINEER")
    void theFunctionLinkFormReachesTheServiceAsOneRecordAndABadOneIsShownOnThePage() throws Exception {
        String url = "/trace/1/items/" + ITEM + "/code-links";
        mvc.perform(post(url).with(csrf()).param("file", "xen/common/a.c").param("function", "count")
                .param("startLine", "12")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/trace/1/items/" + ITEM));
        verify(links).linkFunction(1, ITEM, new FunctionLinkForm("xen/common/a.c", "count", 12), "engineer");

        for (String[] bad : new String[][] {{"file", "", "choose the source file first"},
                {"function", "", "choose the function"}, {"startLine", "-3", "the first line of the function must be a positive"},
                {"startLine", "twelve", "The first line of the function must be a whole number"}}) {
            Map<String, String> fields = new HashMap<>(Map.of("file", "xen/common/a.c", "function", "count",
                    "startLine", "12"));
            fields.put(bad[0], bad[1]);
            String form = formIn(refused(form(url, fields)), "function-link-form");
            assertThat(form).as(bad[0]).contains(bad[2]);
        }
        verify(links).linkFunction(anyLong(), anyString(), any(FunctionLinkForm.class), anyString());
    }

    @Test
    @WithMockUser(username = "engineer", roles = "ENGINEER")
    void theTestLinkFormReachesTheServiceAsOneRecordAndABadOneIsShownBesideItsField() throws Exception {
        String url = "/trace/1/items/" + ITEM + "/test-links";
        mvc.perform(post(url).with(csrf()).param("file", "tests/a.c").param("test", "suite.counts"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/trace/1/items/" + ITEM));
        verify(links).linkTest(1, ITEM, new TestLinkForm("tests/a.c", "suite.counts"), "engineer");

        String form = formIn(refused(post(url).with(csrf()).param("file", "tests/a.c").param("test", " ")),
                "test-link-form");
        String afterTest = form.substring(form.indexOf("name=\"test\""));
        assertThat(afterTest.substring(0, afterTest.indexOf("</label>"))).contains("give the name of the test");
        assertThat(form).contains("value=\"tests/a.c\"");
        form = formIn(refused(post(url).with(csrf()).param("test", "suite.counts")), "test-link-form");
        assertThat(form).contains("give the file of the test").contains("value=\"suite.counts\"");

        when(links.linkTest(anyLong(), anyString(), any(TestLinkForm.class), anyString()))
                .thenThrow(new IllegalArgumentException("not a requirement id"));
        assertThat(formIn(refused(post(url).with(csrf()).param("file", "tests/a.c").param("test", "t")),
                "test-link-form")).contains("not a requirement id");
    }
}
