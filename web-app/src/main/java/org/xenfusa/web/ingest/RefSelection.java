package org.xenfusa.web.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.xenfusa.model.ingest.IngestMode;

/** Turns an ingest request (one ref, the default branch, tags by pattern) into the commits to read. */
public final class RefSelection {
    private RefSelection() {
    }

    /** A ref name and the commit it points at. */
    public record ResolvedRef(String name, ObjectId commit, long commitTime) {
    }

    public static List<ResolvedRef> resolve(Repository repo, IngestMode mode, String spec)
            throws IOException, InvalidRepositoryException {
        try (RevWalk walk = new RevWalk(repo)) {
            return switch (mode) {
                case REF -> List.of(one(repo, walk, spec, spec));
                case DEFAULT_BRANCH -> {
                    Ref head = repo.exactRef(Constants.HEAD);
                    if (head == null || head.getObjectId() == null) {
                        throw new InvalidRepositoryException("the repository has no default branch (HEAD is unborn)");
                    }
                    String name = head.isSymbolic() ? Repository.shortenRefName(head.getTarget().getName()) : "HEAD";
                    yield List.of(one(repo, walk, Constants.HEAD, name));
                }
                case TAGS -> tags(repo, walk, spec);
            };
        }
    }

    private static ResolvedRef one(Repository repo, RevWalk walk, String rev, String name)
            throws IOException, InvalidRepositoryException {
        ObjectId id;
        try {
            id = repo.resolve(rev + "^{commit}");
        } catch (RuntimeException | IOException e) {
            throw new InvalidRepositoryException("'" + rev + "' is not a valid ref: " + e.getMessage());
        }
        if (id == null) {
            throw new InvalidRepositoryException("unknown ref '" + rev + "'");
        }
        RevCommit c = walk.parseCommit(id);
        return new ResolvedRef(name, c.copy(), c.getCommitTime());
    }

    private static List<ResolvedRef> tags(Repository repo, RevWalk walk, String pattern)
            throws IOException, InvalidRepositoryException {
        Pattern glob = glob(pattern == null || pattern.isBlank() ? "RELEASE-*" : pattern.strip());
        List<ResolvedRef> out = new ArrayList<>();
        for (Ref ref : repo.getRefDatabase().getRefsByPrefix(Constants.R_TAGS)) {
            String name = Repository.shortenRefName(ref.getName());
            if (!glob.matcher(name).matches()) {
                continue;
            }
            Ref peeled = repo.getRefDatabase().peel(ref);
            ObjectId target = peeled.getPeeledObjectId() != null ? peeled.getPeeledObjectId() : peeled.getObjectId();
            try {
                RevCommit c = walk.parseCommit(target);
                out.add(new ResolvedRef(name, c.copy(), c.getCommitTime()));
            } catch (org.eclipse.jgit.errors.IncorrectObjectTypeException e) {
                // a tag of a tree or blob has no source tree to count: skip it
            }
        }
        if (out.isEmpty()) {
            throw new InvalidRepositoryException("no tag matches '" + pattern + "'");
        }
        out.sort(Comparator.comparingLong(ResolvedRef::commitTime).thenComparing(ResolvedRef::name));
        return out;
    }

    /** A shell-style pattern: '*' any run of characters, '?' one character. */
    static Pattern glob(String pattern) {
        StringBuilder re = new StringBuilder();
        for (char ch : pattern.toCharArray()) {
            switch (ch) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return Pattern.compile(re.toString());
    }
}
