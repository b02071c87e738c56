package org.xenfusa.web;

import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.xenfusa.model.ingest.IngestJob;
import org.xenfusa.model.ingest.IngestJobRepository;
import org.xenfusa.model.ingest.IngestMode;
import org.xenfusa.model.ingest.IngestState;
import org.xenfusa.model.source.Snapshot;
import org.xenfusa.model.source.SnapshotRepository;
import org.xenfusa.model.source.SourceRepository;
import org.xenfusa.model.user.AppUser;
import org.xenfusa.model.user.AppUserRepository;
import org.xenfusa.model.user.Role;
import org.xenfusa.web.ingest.IngestService;
import org.xenfusa.web.ingest.RepositoryRegistrar;

/**
 * A synthetic Xen-like tree with OFT requirements of our own, registered and ingested, and two
 * engineers (an author and a reviewer) for the traceability tests. Built by each test class from
 * its autowired beans, so it adds nothing to the context the other tests share.
 */
final class TraceFixture {
    static final String ENGINEER = "trace-eng1";
    static final String REVIEWER = "trace-eng2";
    static final String PASSWORD = "trace-engineer-password";

    /** Market and product requirements, Xen-style reStructuredText. */
    static final String MARKET_PRODUCT_RST = """
            Market requirements
            ===================

            Timer
            -----

            `XenMkt~timer~1`

            Description:
            Xen shall provide a timer to its guests.

            Needs: XenProd

            Feature A
            ---------

            `XenProd~feature_a~1`

            Description:
            Xen shall start feature A.

            Rationale:
            Guests ask for it.

            Covers:
             - `XenMkt~timer~1`

            Needs: XenSwdgn
            """;

    /** A design requirement that needs an implementation, in Markdown. */
    static String designMd(int revision) {
        return """
                # Design

                ### Start feature A
                `XenSwdgn~fa_start~%d`

                Feature A starts by returning one.

                Covers:
                * `XenProd~feature_a~1`

                Needs: impl
                """.formatted(revision);
    }

    static final String FA_C = """
            /* feature A */
            int fa;

            int fa_start(void)
            {
                fa = 1;
                return fa;
            }

            static int fa_helper(int x)
            {
                return x + fa;
            }
            """;

    static final String FA_C_CHANGED = FA_C.replace("    fa = 1;\n", "    fa = 2;\n    fa_helper(fa);\n");

    /** The Kconfig tree of {@link SyntheticKconfig} with feature A's file made of functions, and requirements. */
    static Map<String, String> tree(int designRevision, String faC) {
        Map<String, String> files = new HashMap<>(SyntheticKconfig.FILES);
        files.putAll(SyntheticKconfig.BUILD);
        files.put("xen/common/fa.c", faC);
        // a second starting point, so that tests need no saved overrides to switch feature A off
        files.put("xen/arch/x86/configs/no_a_defconfig", "# CONFIG_FEATURE_A is not set\n");
        files.put("docs/fusa/reqs/market-product.rst", MARKET_PRODUCT_RST);
        files.put("docs/fusa/reqs/design.md", designMd(designRevision));
        return files;
    }

    private final RepositoryRegistrar registrar;
    private final IngestService ingest;
    private final IngestJobRepository jobs;
    private final SnapshotRepository snapshots;

    TraceFixture(RepositoryRegistrar registrar, IngestService ingest, IngestJobRepository jobs,
            SnapshotRepository snapshots, AppUserRepository users, PasswordEncoder encoder) {
        this.registrar = registrar;
        this.ingest = ingest;
        this.jobs = jobs;
        this.snapshots = snapshots;
        for (String name : new String[] {ENGINEER, REVIEWER}) {
            if (users.findByUsername(name).isEmpty()) {
                users.save(new AppUser(name, encoder.encode(PASSWORD), Role.ENGINEER));
            }
        }
    }

    /** Registers the repository and ingests its RELEASE-* tags. */
    SourceRepository registerAndIngest(String name, SyntheticRepository repo) throws Exception {
        SourceRepository r = registrar.register(name, repo.dir().toString(), "tester");
        IngestJob job = ingest.request(r.getId(), IngestMode.TAGS, "RELEASE-*", "tester");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            IngestJob j = jobs.findById(job.getId()).orElseThrow();
            if (!j.getState().isActive()) {
                if (j.getState() != IngestState.SUCCEEDED) {
                    throw new AssertionError("ingest failed: " + j.getMessage());
                }
                return r;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("ingest did not end within 60 s");
    }

    Snapshot snapshot(SourceRepository r, String ref) {
        long id = snapshots.findFirstByRepositoryIdAndRefNameOrderByIngestedAtDesc(r.getId(), ref).orElseThrow().getId();
        return snapshots.findWithRepository(id).orElseThrow();
    }

    static SyntheticRepository newRepository() throws Exception {
        return SyntheticRepository.create(Files.createTempDirectory("fusa-trace"));
    }
}
