package org.xenfusa.web.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.json.JacksonJsonView;

/** Which error view a request gets, and the reason it shows. */
class ErrorPagesTest {
    private final ErrorPages pages = new ErrorPages(DataSize.ofMegabytes(50), DataSize.ofMegabytes(60), 2000);

    private ModelAndView resolve(String path, HttpStatus status, String message) {
        return pages.resolveErrorView(new MockHttpServletRequest("GET", "/error"), status,
                Map.of("status", status.value(), "error", status.getReasonPhrase(), "message", message, "path", path));
    }

    @Test
    void theApiKeepsJson() {
        ModelAndView mv = resolve("/api/jobs/9", HttpStatus.NOT_FOUND, "no job 9");
        assertThat(mv.getView()).isInstanceOf(JacksonJsonView.class);
        assertThat(mv.getModel()).containsEntry("message", "no job 9");
        assertThat(mv.getStatus()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void pagesSayTheReasonAndKeepInternalsOfAFailureInTheLog() {
        ModelAndView bad = resolve("/boards/minimal", HttpStatus.BAD_REQUEST, "choose at least one board");
        assertThat(bad.getViewName()).isEqualTo("error");
        assertThat(bad.getModel()).containsEntry("title", "400 Bad Request")
                .containsEntry("reason", "Choose at least one board.").doesNotContainKey("error");

        ModelAndView word = resolve("/repositories/abc", HttpStatus.BAD_REQUEST, "Method parameter 'id': Failed to"
                + " convert value of type 'java.lang.String' to required type 'long'; For input string: \"abc\"");
        assertThat(word.getModel()).containsEntry("reason", "'abc' is not a valid id (a whole number is expected).");

        ModelAndView missing = resolve("/nowhere", HttpStatus.NOT_FOUND, "No static resource nowhere.");
        assertThat(missing.getModel()).containsEntry("reason", "There is no page at /nowhere.");

        ModelAndView failed = resolve("/snapshots/1", HttpStatus.INTERNAL_SERVER_ERROR,
                "could not execute statement [ERROR: relation \"x\" does not exist]");
        assertThat(failed.getViewName()).isEqualTo("error");
        assertThat(failed.getModel()).containsEntry("title", "500 Internal Server Error");
        assertThat((String) failed.getModel().get("reason")).contains("/snapshots/1").contains("server log")
                .doesNotContain("relation");
    }

    @Test
    void anUploadOverTheLimitSaysTheLimitNotTheContainersClassNames() {
        String tomcat = "org.apache.tomcat.util.http.fileupload.impl.FileSizeLimitExceededException: The field file"
                + " exceeds its maximum permitted size of 52428800 bytes.";
        ModelAndView page = resolve("/trace/1/spreadsheet", HttpStatus.CONTENT_TOO_LARGE, tomcat);
        assertThat(page.getViewName()).isEqualTo("error");
        assertThat((String) page.getModel().get("reason")).isEqualTo("The upload is too large: the platform accepts"
                + " files of at most 50 MB (and at most 60 MB and 2,000 files and fields per request); nothing was"
                + " imported. Split the upload into smaller ones.");
        ModelAndView api = resolve("/api/anything", HttpStatus.CONTENT_TOO_LARGE, tomcat);
        assertThat((String) api.getModel().get("message")).contains("at most 50 MB").doesNotContain("tomcat");
    }

    @Test
    void theApiKeepsTheInternalsOfAFailureInTheLog() {
        ModelAndView api = resolve("/api/repositories/1/ingest", HttpStatus.INTERNAL_SERVER_ERROR,
                "could not execute statement [insert into ingest_job ...]");
        assertThat((String) api.getModel().get("message")).contains("server log").doesNotContain("insert into");
    }

    @Test
    void aRepositoryStillBeingClonedForAPageIsNotYetWithHowFarAndTheRequestIsToldToComeBack() throws Exception {
        String message = "This instance is cloning 'xen' from https://example.org/xen.git (Receiving objects 45%); the"
                + " page answers once the clone is done: it reloads itself";
        org.springframework.mock.web.MockHttpServletResponse response = new org.springframework.mock.web.MockHttpServletResponse();
        new RequestProblems().cloning(new org.xenfusa.web.ingest.CloneInProgressException(message), response);
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(response.getHeader("Refresh")).isEqualTo("5");
        assertThat(response.getErrorMessage()).isEqualTo(message);

        ModelAndView page = resolve("/trace/3", HttpStatus.SERVICE_UNAVAILABLE, message);
        assertThat(page.getModel()).containsEntry("reason", message + ".");
        ModelAndView api = resolve("/api/repositories/3/snapshots", HttpStatus.SERVICE_UNAVAILABLE, message);
        assertThat(api.getModel()).containsEntry("message", message);
    }

    @Test
    void aMessageThatStartsWithAPlainWordIsCapitalised() {
        assertThat(ErrorPages.capitalise("no file xen/common/a.c at RELEASE-4.22.0")).isEqualTo(
                "No file xen/common/a.c at RELEASE-4.22.0");
        assertThat(ErrorPages.capitalise("choose at least one configuration or board.")).isEqualTo(
                "Choose at least one configuration or board");
        assertThat(ErrorPages.capitalise("unknown: ref")).isEqualTo("Unknown: ref");
    }

    @Test
    void aMessageThatStartsWithAPathARefOrANameKeepsItsSpelling() {
        // the 404 of a file page said "Xen/arch/arm/efi/nothing.c is not compiled in this configuration"
        assertThat(ErrorPages.capitalise("xen/arch/arm/efi/nothing.c is not compiled in this configuration"))
                .isEqualTo("xen/arch/arm/efi/nothing.c is not compiled in this configuration");
        assertThat(ErrorPages.capitalise("x86_64-defconfig belongs to another repository")).startsWith("x86_64-");
        assertThat(ErrorPages.capitalise("--repo: not a folder")).isEqualTo("--repo: not a folder");
        assertThat(ErrorPages.capitalise("arm64: no such board")).isEqualTo("arm64: no such board");
        assertThat(ErrorPages.capitalise("")).isEmpty();
        assertThat(ErrorPages.capitalise("...")).isEmpty();
    }
}
