package org.xenfusa.web.ingest;

import java.time.Instant;
import java.util.EnumSet;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;
import org.xenfusa.model.ingest.IngestJob;
import org.xenfusa.model.ingest.IngestJobRepository;
import org.xenfusa.model.ingest.IngestMode;
import org.xenfusa.model.ingest.IngestState;

import com.github.kagkarlsson.scheduler.SchedulerClient;

/**
 * Accepts ingest requests and hands them to the shared job queue. The database's unique index on
 * active jobs makes a second identical request return the job already under way instead of running
 * twice, whichever app instance receives it.
 */
@Service
public class IngestService {
    private final IngestJobRepository jobs;
    private final SchedulerClient scheduler;
    private final SnapshotIngester ingester;

    public IngestService(IngestJobRepository jobs, SchedulerClient scheduler, SnapshotIngester ingester) {
        this.jobs = jobs;
        this.scheduler = scheduler;
        this.ingester = ingester;
    }

    /** The job for this request: a new one, or the identical one already queued or running. */
    public IngestJob request(long repositoryId, IngestMode mode, String refSpec, String user) {
        String spec = normalise(mode, refSpec);
        if (!spec.isEmpty()) {
            // refused here, with the limit, rather than by the database column (which said only "500")
            try {
                RefSelection.check(spec, mode == IngestMode.TAGS ? "tag pattern" : "ref");
            } catch (InvalidRefException e) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage(), e);
            }
        }
        var active = EnumSet.of(IngestState.QUEUED, IngestState.RUNNING);
        var existing = jobs.findFirstByRepositoryIdAndModeAndRefSpecAndStateIn(repositoryId, mode, spec, active);
        if (existing.isPresent()) {
            return existing.get();
        }
        IngestJob job;
        try {
            job = jobs.saveAndFlush(new IngestJob(repositoryId, mode, spec, user));
        } catch (DataIntegrityViolationException raced) {
            return jobs.findFirstByRepositoryIdAndModeAndRefSpecAndStateIn(repositoryId, mode, spec, active)
                    .orElseThrow(() -> raced);
        }
        scheduler.scheduleIfNotExists(IngestJobs.TASK.instance("job-" + job.getId()).data(job.getId()).build(), Instant.now());
        return job;
    }

    /** Cancels a job: its refs not started at once, the running ones at their next progress write. */
    public void cancel(long jobId) {
        ingester.cancel(jobId);
    }

    static String normalise(IngestMode mode, String refSpec) {
        String s = refSpec == null ? "" : refSpec.strip();
        return switch (mode) {
            case DEFAULT_BRANCH -> "";
            case TAGS -> s.isEmpty() ? "RELEASE-*" : s;
            case REF -> s;
        };
    }
}
