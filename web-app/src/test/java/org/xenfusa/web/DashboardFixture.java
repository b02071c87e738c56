package org.xenfusa.web;

import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.xenfusa.model.source.SourceRepository;
import org.xenfusa.model.user.AppUser;
import org.xenfusa.model.user.AppUserRepository;
import org.xenfusa.model.user.Role;
import org.xenfusa.web.analysis.AnalysisResults;

/**
 * A synthetic repository of a few release tags for the dashboard tests: RELEASE-0.9 has no Kconfig (its results fail
 * with the reason), RELEASE-1.0 to 1.2 are the trace fixture's tree with compiled code and requirements changing.
 */
final class DashboardFixture {
    static final String VIEWER = "dash-viewer";
    static final String PASSWORD = "dash viewer password";

    private DashboardFixture() {
    }

    static SyntheticRepository repository(String folder) throws Exception {
        SyntheticRepository repo = SyntheticRepository.create(Files.createTempDirectory(folder));
        repo.commit("before Kconfig", "RELEASE-0.9", Map.of("xen/common/old.c", SyntheticRepository.cFile("old", 4)));
        repo.commit("first", "RELEASE-1.0", TraceFixture.tree(1, TraceFixture.FA_C));
        Map<String, String> second = new HashMap<>(TraceFixture.tree(1, TraceFixture.FA_C_CHANGED));
        repo.commit("second", "RELEASE-1.1", second);
        repo.commit("third", "RELEASE-1.2", Map.of("xen/arch/x86/setup.c",
                "#include <xen/lib.h>\nint setup;\nint setup_more;\nint setup_again;\n"));
        return repo;
    }

    static void viewer(AppUserRepository users, PasswordEncoder encoder) {
        if (users.findByUsername(VIEWER).isEmpty()) {
            users.save(new AppUser(VIEWER, encoder.encode(PASSWORD), Role.VIEWER));
        }
    }

    /** Waits until no analysis job is scheduled or running (a job takes whichever queued row comes first). */
    static void noAnalysisJobWaiting(com.github.kagkarlsson.scheduler.SchedulerClient scheduler)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (!scheduler.getScheduledExecutionsForTask(org.xenfusa.web.analysis.AnalysisJobs.TASK.getTaskName())
                .isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("analysis jobs still waiting after 180 s");
            }
            Thread.sleep(150);
        }
    }

    /** Waits until no result of the repository is queued or running. */
    static void settled(AnalysisResults results, SourceRepository r) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (!results.active(r.getId()).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the analysis results of " + r.getName() + " were not computed within 180 s: "
                        + results.active(r.getId()));
            }
            Thread.sleep(150);
        }
    }
}
