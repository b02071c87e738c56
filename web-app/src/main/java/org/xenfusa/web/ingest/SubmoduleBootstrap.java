package org.xenfusa.web.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.xenfusa.model.ingest.IngestMode;
import org.xenfusa.model.source.SourceRepository;
import org.xenfusa.model.source.SourceRepositoryRepository;
import org.xenfusa.web.platform.InvalidInputException;
import org.xenfusa.web.platform.FusaProperties;

/**
 * At start-up, registers and ingests the {@code hypervisor-sources-submodule} when it has been
 * initialised (at the commit it is pinned to, named by its tag when one points there); otherwise
 * the dashboard tells how to initialise it.
 */
@Component
@Order(10)
public class SubmoduleBootstrap implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(SubmoduleBootstrap.class);
    static final String NAME = "xen";

    private final FusaProperties properties;
    private final RepositoryRegistrar registrar;
    private final SourceRepositoryRepository repositories;
    private final IngestService ingest;
    private final boolean enabled;

    public SubmoduleBootstrap(FusaProperties properties, RepositoryRegistrar registrar,
            SourceRepositoryRepository repositories, IngestService ingest,
            @Value("${fusa.submodule-ingest-on-start:true}") boolean enabled) {
        this.properties = properties;
        this.registrar = registrar;
        this.repositories = repositories;
        this.ingest = ingest;
        this.enabled = enabled;
    }

    /** What the dashboard says about the submodule. */
    public record Status(String path, boolean initialised, String commit, String repositoryName) {
    }

    public Status status() {
        Path dir = properties.submodulePath();
        Optional<ObjectId> head = head(dir);
        String name = head.isEmpty() ? "" : registrar.findByGitDir(gitDirOrSelf(dir)).map(SourceRepository::getName).orElse("(not registered)");
        return new Status(dir.toString(), head.isPresent(), head.map(ObjectId::name).orElse(""), name);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        Path dir = properties.submodulePath();
        if (head(dir).isEmpty()) {
            log.info("{} is not initialised: run 'git submodule update --init hypervisor-sources-submodule' to have it ingested", dir);
            return;
        }
        try {
            SourceRepository repo = registrar.findByGitDir(GitRepositoryFolders.gitDir(dir)).orElse(null);
            if (repo == null) {
                String name = repositories.findByName(NAME).isPresent() ? NAME + "-submodule" : NAME;
                repo = registrar.register(name, dir.toString(), "system");
            }
            String ref = pinnedRefName(dir);
            var job = ingest.request(repo.getId(), IngestMode.REF, ref, "system");
            log.info("Ingesting the Xen submodule at {} (job #{})", ref, job.getId());
        } catch (InvalidInputException e) {
            log.warn("Cannot ingest the Xen submodule: {}", e.getMessage());
        }
    }

    private static Path gitDirOrSelf(Path dir) {
        try {
            return GitRepositoryFolders.gitDir(dir);
        } catch (InvalidInputException e) {
            return dir;
        }
    }

    private static Optional<ObjectId> head(Path dir) {
        if (!Files.exists(dir.resolve(".git"))) {
            return Optional.empty();
        }
        try (Repository repo = GitRepositoryFolders.open(dir)) {
            return Optional.ofNullable(repo.resolve(Constants.HEAD + "^{commit}"));
        } catch (InvalidInputException | IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The tag pointing at the submodule's HEAD, or the commit SHA when none does. */
    static String pinnedRefName(Path dir) throws InvalidInputException {
        try (Repository repo = GitRepositoryFolders.open(dir)) {
            ObjectId head = repo.resolve(Constants.HEAD + "^{commit}");
            for (Ref tag : repo.getRefDatabase().getRefsByPrefix(Constants.R_TAGS)) {
                Ref peeled = repo.getRefDatabase().peel(tag);
                ObjectId target = peeled.getPeeledObjectId() != null ? peeled.getPeeledObjectId() : peeled.getObjectId();
                if (head.equals(target)) {
                    return Repository.shortenRefName(tag.getName());
                }
            }
            return head.name();
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + dir + ": " + e.getMessage(), e);
        }
    }
}
