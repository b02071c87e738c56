package org.xenfusa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/** {@code fusa ingest}'s progress lines are for people: words and figures, not the job's JSON. */
class IngestCommandTest {
    @Test
    void aProgressLineSaysWhichRefAndHowManyFiles() throws Exception {
        var job = JsonMapper.builder().build().readTree("""
                {"id": 7, "state": "RUNNING", "refsDone": 1, "refsTotal": 2, "currentRef": "RELEASE-4.22.0",
                 "filesDone": 1200, "filesTotal": 4000, "filesPerSecond": 310.4, "message": null}""");
        assertThat(IngestCommand.progressLine(job))
                .isEqualTo("ingest job 7 RUNNING: ref 1 of 2 (RELEASE-4.22.0), 1,200 of 4,000 files, 310 files/s");
    }

    @Test
    void aQueuedJobHasNoRefYet() throws Exception {
        var job = JsonMapper.builder().build().readTree("""
                {"id": 8, "state": "QUEUED", "refsDone": 0, "refsTotal": 0, "currentRef": null,
                 "filesDone": 0, "filesTotal": 0, "filesPerSecond": 0}""");
        assertThat(IngestCommand.progressLine(job)).isEqualTo("ingest job 8 QUEUED: ref 0 of 0, 0 of 0 files");
    }

    @Test
    void theRequestBodyIsARecordShapedAsTheApiReadsIt() throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        IngestCommand.What tags = new IngestCommand.What();
        tags.tags = "RELEASE-*";
        assertThat(json.writeValueAsString(tags.request())).isEqualTo("{\"mode\":\"TAGS\",\"ref\":\"RELEASE-*\"}");
        IngestCommand.What one = new IngestCommand.What();
        one.ref = "RELEASE-4.22.0";
        assertThat(json.writeValueAsString(one.request())).isEqualTo("{\"mode\":\"REF\",\"ref\":\"RELEASE-4.22.0\"}");
        IngestCommand.What branch = new IngestCommand.What();
        branch.defaultBranch = true;
        assertThat(json.writeValueAsString(branch.request())).isEqualTo("{\"mode\":\"DEFAULT_BRANCH\"}");
    }
}
