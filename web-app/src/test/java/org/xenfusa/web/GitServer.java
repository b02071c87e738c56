package org.xenfusa.web;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.transport.Daemon;
import org.eclipse.jgit.transport.DaemonClient;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.UploadPack;
import org.eclipse.jgit.transport.resolver.FileResolver;

/**
 * A git server for tests: JGit's git:// daemon on the loopback address serving bare repositories it holds in a folder
 * of its own, each filled from a {@link SyntheticRepository} by a push. It counts the fetches and clones it served.
 */
public final class GitServer implements AutoCloseable {
    private final Path root;
    private final Daemon daemon;
    private final AtomicInteger uploads = new AtomicInteger();

    private GitServer(Path root, Daemon daemon) {
        this.root = root;
        this.daemon = daemon;
    }

    public static GitServer start(Path root) throws IOException {
        Daemon daemon = new Daemon(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        daemon.setRepositoryResolver(new FileResolver<DaemonClient>(root.toFile(), true));
        GitServer server = new GitServer(root, daemon);
        daemon.setUploadPackFactory((client, repo) -> {
            if (repo == null) { // no repository of that name: the client is told so
                throw new org.eclipse.jgit.transport.resolver.ServiceNotEnabledException();
            }
            server.uploads.incrementAndGet();
            return new UploadPack(repo);
        });
        daemon.start();
        return server;
    }

    /** The git:// URL of the bare repository {@code name}.git (served whether or not it exists). */
    public String url(String name) {
        return "git://127.0.0.1:" + daemon.getAddress().getPort() + "/" + name + ".git";
    }

    /** Creates (or updates) the bare repository {@code name}.git with the branches and tags of {@code from}. */
    public void publish(String name, SyntheticRepository from) throws IOException, GitAPIException {
        Path bare = root.resolve(name + ".git");
        if (!Files.exists(bare)) {
            Git.init().setBare(true).setInitialBranch("main").setDirectory(bare.toFile()).call().close();
        }
        from.git().push().setRemote(bare.toUri().toString()).setRefSpecs(new RefSpec("+refs/heads/*:refs/heads/*"),
                new RefSpec("+refs/tags/*:refs/tags/*")).call();
    }

    /** A repository with one C file per tag, published under {@code name}; the source is returned open. */
    public SyntheticRepository publishNew(String name, Path work, Map<String, String> tagsToFiles)
            throws IOException, GitAPIException {
        SyntheticRepository repo = SyntheticRepository.create(work);
        for (var e : tagsToFiles.entrySet()) {
            repo.commit(e.getKey(), e.getKey(), Map.of(e.getValue(), SyntheticRepository.cFile("f", 3)));
        }
        publish(name, repo);
        return repo;
    }

    /** How many fetches and clones the server answered. */
    public int uploads() {
        return uploads.get();
    }

    public boolean running() {
        return daemon.isRunning();
    }

    @Override
    public void close() {
        daemon.stop();
    }
}
