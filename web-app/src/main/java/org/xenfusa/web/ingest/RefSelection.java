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
import org.xenfusa.web.platform.InvalidInputException;

/** Turns an ingest request (one ref, the default branch, tags by pattern) into the commits to read. */
public final class RefSelection {
    private RefSelection() {
    }

    /** A ref name and the commit it points at. */
    public record ResolvedRef(String name, ObjectId commit, long commitTime) {
    }

    public static List<ResolvedRef> resolve(Repository repo, IngestMode mode, String spec)
            throws IOException, InvalidInputException {
        try (RevWalk walk = new RevWalk(repo)) {
            return switch (mode) {
                case REF -> List.of(one(repo, walk, spec, spec));
                case DEFAULT_BRANCH -> {
                    Ref head = repo.exactRef(Constants.HEAD);
                    if (head == null || head.getObjectId() == null) {
                        throw new InvalidInputException("the repository has no default branch (HEAD is unborn)");
                    }
                    String name = head.isSymbolic() ? Repository.shortenRefName(head.getTarget().getName()) : "HEAD";
                    yield List.of(one(repo, walk, Constants.HEAD, name));
                }
                case TAGS -> tags(repo, walk, spec);
            };
        }
    }

    private static ResolvedRef one(Repository repo, RevWalk walk, String rev, String name)
            throws IOException, InvalidInputException {
        ObjectId id = commit(repo, rev, "");
        RevCommit c = walk.parseCommit(id);
        return new ResolvedRef(canonicalName(repo, rev, name), c.copy(), c.getCommitTime());
    }

    /**
     * The name a snapshot of {@code rev} is recorded under: a ref's short name however it was spelled
     * ({@code refs/tags/X}, {@code tags/X} and {@code X} are all {@code X}); any other revision (a commit id,
     * {@code X~0}, {@code X^{commit}}) keeps its spelling. The commit decides which snapshot is read, not the name.
     */
    static String canonicalName(Repository repo, String rev, String name) throws IOException {
        if (!rev.equals(name)) {
            return name;
        }
        Ref ref = repo.findRef(rev);
        return ref == null ? rev : Repository.shortenRefName(ref.getName());
    }

    /** Refs longer than this are refused before git is asked: real tag and branch names are far shorter. */
    public static final int MAX_REF_LENGTH = 255;

    /**
     * Refuses a ref that cannot name a commit whatever the repository holds: blank, longer than
     * {@value #MAX_REF_LENGTH} characters, or with a control character.
     */
    public static void check(String ref) throws InvalidRefException {
        check(ref, "ref");
    }

    /** {@link #check(String)} for a text that stands for refs, named {@code what} in the message ("tag pattern"). */
    public static void check(String ref, String what) throws InvalidRefException {
        if (ref == null || ref.isBlank()) {
            throw new InvalidRefException("give a " + what + " (a tag, branch or commit)");
        }
        if (ref.length() > MAX_REF_LENGTH) {
            throw new InvalidRefException("the " + what + " is " + ref.length() + " characters long; at most "
                    + MAX_REF_LENGTH + " are accepted (it starts '" + ref.substring(0, 40) + "...')");
        }
        if (ref.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f)) {
            throw new InvalidRefException("the " + what + " '" + ref.replaceAll("\\p{Cntrl}", "?")
                    + "' contains a control character");
        }
    }

    /**
     * The commit {@code ref} (a tag, branch, commit id or any git revision) names in {@code repo}.
     *
     * @param where the repository's name for messages ("" to leave it out)
     * @throws InvalidRefException when the ref cannot name a commit (see {@link #check}, bad revision syntax, an
     *         ambiguous abbreviated id)
     * @throws UnknownRefException when the repository has no such ref or it is not a commit
     * @throws IOException when the repository cannot be read
     */
    public static ObjectId commit(Repository repo, String ref, String where) throws InvalidRefException,
            UnknownRefException, IOException {
        check(ref);
        String in = where == null || where.isEmpty() ? "" : " in " + where;
        ObjectId id;
        try {
            id = repo.resolve(ref + "^{commit}");
        } catch (org.eclipse.jgit.errors.AmbiguousObjectException e) {
            throw new InvalidRefException("'" + ref + "' is ambiguous" + in + ": it abbreviates " + e.getCandidates().size()
                    + " objects; give more characters of the commit id");
        } catch (org.eclipse.jgit.errors.IncorrectObjectTypeException e) {
            throw new UnknownRefException("'" + ref + "'" + in + " does not name a commit");
        } catch (org.eclipse.jgit.errors.RevisionSyntaxException e) {
            throw new InvalidRefException("'" + ref + "' is not a valid ref" + in + ": " + e.getMessage());
        }
        if (id == null) {
            throw new UnknownRefException("unknown ref '" + ref + "'" + in);
        }
        return id;
    }

    private static List<ResolvedRef> tags(Repository repo, RevWalk walk, String pattern)
            throws IOException, InvalidInputException {
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
            throw new InvalidInputException("no tag matches '" + pattern + "'");
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
