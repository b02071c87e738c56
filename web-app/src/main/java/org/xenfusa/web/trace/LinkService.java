package org.xenfusa.web.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xenfusa.model.source.Snapshot;
import org.xenfusa.model.source.SourceRepositoryRepository;
import org.xenfusa.model.trace.LinkKind;
import org.xenfusa.model.trace.LinkState;
import org.xenfusa.model.trace.TraceLink;
import org.xenfusa.model.trace.TraceLinkRepository;
import org.xenfusa.trace.function.SourceFunction;
import org.xenfusa.trace.graph.TracedItem;
import org.xenfusa.trace.link.CodeLink;
import org.xenfusa.trace.link.LinkFileReader;
import org.xenfusa.trace.link.LinkFileWriter;
import org.xenfusa.trace.link.LinkSet;
import org.xenfusa.trace.link.TestLink;
import org.xenfusa.trace.spec.ImportProblem;
import org.xenfusa.trace.spec.SpecificationItemId;
import org.xenfusa.web.platform.InvalidInputException;

/**
 * Links made in the web app: from a requirement to a function of a snapshot or to a test, reviewed
 * by a second engineer against the function's content hash, exported to and imported from link
 * files so that they can live in git.
 */
// [impl->dsn~link-review~1]
@Service
public class LinkService {
    private final TraceLinkRepository links;
    private final SourceRepositoryRepository repositories;
    private final TraceService traces;
    private final SnapshotTrees trees;

    public LinkService(TraceLinkRepository links, SourceRepositoryRepository repositories, TraceService traces,
            SnapshotTrees trees) {
        this.links = links;
        this.repositories = repositories;
        this.traces = traces;
        this.trees = trees;
    }

    /**
     * A draft link from {@code requirement} to the function {@code function} of {@code path} in the
     * snapshot. {@code startLine} picks one of same-named functions (both #if branches); only then is
     * the line range stored, so that a link to a unique function survives the function moving.
     */
    @Transactional
    public TraceLink linkFunction(long snapshotId, String requirement, String path, String function,
            Optional<Integer> startLine, String author) throws InvalidInputException {
        SpecificationItemId req = requirementId(requirement);
        Snapshot s = traces.snapshot(snapshotId);
        List<SourceFunction> found = trees.with(s, t -> t.index().find(path, function));
        if (found.isEmpty()) {
            throw new IllegalArgumentException("no function '" + function + "' in " + path + " at " + s.getRefName());
        }
        Optional<int[]> lines = Optional.empty();
        if (found.size() > 1) {
            SourceFunction chosen = startLine.flatMap(l -> found.stream().filter(f -> f.startLine() == l).findFirst())
                    .orElseThrow(() -> new IllegalArgumentException(path + " defines '" + function + "' "
                            + found.size() + " times: choose one by its line"));
            lines = Optional.of(new int[] {chosen.startLine(), chosen.endLine()});
        }
        return links.saveAndFlush(TraceLink.toFunction(s.getRepository().getId(), req.toString(), path, function, lines,
                "impl", author));
    }

    /** A draft link from {@code requirement} to the function the form names. */
    @Transactional
    public TraceLink linkFunction(long snapshotId, String requirement, FunctionLinkForm form, String author)
            throws InvalidInputException {
        return linkFunction(snapshotId, requirement, form.file(), form.function(), form.line(), author);
    }

    /** A draft link from {@code requirement} to the test the form names. */
    @Transactional
    public TraceLink linkTest(long snapshotId, String requirement, TestLinkForm form, String author) {
        return linkTest(snapshotId, requirement, form.file(), form.test(), author);
    }

    /** A draft link from {@code requirement} to a test, matched to JUnit cases by {@code testName}. */
    @Transactional
    public TraceLink linkTest(long snapshotId, String requirement, String path, String testName, String author) {
        SpecificationItemId req = requirementId(requirement);
        if (path == null || path.isBlank() || testName == null || testName.isBlank()) {
            throw new IllegalArgumentException("a test link needs the test's file and its name");
        }
        Snapshot s = traces.snapshot(snapshotId);
        return links.saveAndFlush(TraceLink.toTest(s.getRepository().getId(), req.toString(), path.strip(),
                testName.strip(), "utest", author));
    }

    /**
     * A second engineer reviews the link in a snapshot, with a comment saying what was checked: the function's
     * content hash there, the reviewer, the time and the comment are recorded, and a link made for an older revision
     * of the requirement moves to the current one. Its author cannot review it (independent review, as DO-178C and
     * ISO 26262 ask).
     */
    @Transactional
    public TraceLink review(long linkId, long snapshotId, String reviewer, String comment) throws InvalidInputException {
        TraceLink l = links.findById(linkId).orElseThrow(() -> new TraceService.NotFoundException("no link " + linkId));
        if (l.getAuthor().equals(reviewer)) {
            throw new IllegalArgumentException("a link is reviewed by another engineer than its author (" + reviewer
                    + " made it): ask a colleague to review it");
        }
        String text = comment == null ? "" : comment.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("a review needs a comment saying what was checked");
        }
        if (text.length() > TraceLink.MAX_REVIEW_COMMENT) {
            throw new IllegalArgumentException("the review comment has " + text.length() + " characters; at most "
                    + TraceLink.MAX_REVIEW_COMMENT + " are kept");
        }
        Snapshot s = traces.snapshot(snapshotId);
        Optional<String> hash = Optional.empty();
        if (l.getKind() == LinkKind.CODE) {
            List<SourceFunction> found = trees.with(s, t -> t.index().find(l.getFilePath(), l.getFunctionName()));
            Optional<SourceFunction> f = found.stream()
                    .filter(fn -> l.getLines().map(r -> fn.overlaps(r[0], r[1])).orElse(true)).findFirst()
                    .or(() -> found.stream().findFirst());
            if (f.isEmpty()) {
                throw new IllegalArgumentException("no function '" + l.getFunctionName() + "' in " + l.getFilePath()
                        + " at " + s.getRefName() + ": remove the link or link the function that replaced it");
            }
            hash = Optional.of(f.get().contentHash());
        }
        SpecificationItemId req = requirementId(l.getRequirement());
        SnapshotTrace trace = traces.trace(snapshotId);
        Optional<SpecificationItemId> current = trace.requirements().stream().map(TracedItem::id)
                .filter(id -> id.sameItemAs(req)).max(SpecificationItemId::compareTo);
        if (current.isPresent() && current.get().revision() != req.revision()) {
            l.retarget(current.get().toString());
        }
        l.review(reviewer, hash, text);
        return links.saveAndFlush(l);
    }

    @Transactional
    public void delete(long linkId) {
        links.deleteById(linkId);
    }

    /** Every stored link of the repository as a link file (the trace-linker YAML format). */
    @Transactional(readOnly = true)
    public String export(long repositoryId) {
        LinkSet set = TraceService.linkSet(links.findByRepositoryIdOrderByIdAsc(repositoryId));
        return LinkFileWriter.write(set.code(), set.tests());
    }

    /**
     * Stores the links of a link file for the repository. Broken entries are reported with file and
     * line and skipped; a link already stored (same requirement and anchor) is left as it is.
     */
    @Transactional
    public RequirementService.ImportOutcome importLinkFile(long repositoryId, String fileName, byte[] content,
            String user) {
        repositories.findById(repositoryId).orElseThrow(() -> new TraceService.NotFoundException("no repository "
                + repositoryId));
        LinkSet read = LinkFileReader.read(fileName, content);
        List<ImportProblem> problems = new ArrayList<>(read.problems());
        List<TraceLink> existing = links.findByRepositoryIdOrderByIdAsc(repositoryId);
        int imported = 0;
        for (CodeLink c : read.code()) {
            Optional<int[]> lines = c.lines().map(r -> new int[] {r.from(), r.to()});
            boolean known = existing.stream().anyMatch(e -> e.getKind() == LinkKind.CODE
                    && e.getRequirement().equals(c.requirement().toString()) && e.getFilePath().equals(c.path())
                    && e.getFunctionName().equals(c.function())
                    && e.getLines().map(r -> r[0] + "-" + r[1]).equals(lines.map(r -> r[0] + "-" + r[1])));
            if (known) {
                problems.add(new ImportProblem(c.declaredAt(), "already stored: left as it is"));
                continue;
            }
            TraceLink l = TraceLink.toFunction(repositoryId, c.requirement().toString(), c.path(), c.function(), lines,
                    c.artifactType(), c.author().orElse(user));
            l.restore(LinkState.valueOf(c.state().name()), c.reviewedHash(), c.reviewer(), c.reviewedAt(),
                    c.reviewComment());
            links.save(l);
            imported++;
        }
        for (TestLink t : read.tests()) {
            boolean known = existing.stream().anyMatch(e -> e.getKind() == LinkKind.TEST
                    && e.getRequirement().equals(t.requirement().toString()) && e.getFilePath().equals(t.path())
                    && e.getTestName().equals(t.name()));
            if (known) {
                problems.add(new ImportProblem(t.declaredAt(), "already stored: left as it is"));
                continue;
            }
            links.save(TraceLink.toTest(repositoryId, t.requirement().toString(), t.path(), t.name(), t.artifactType(),
                    user));
            imported++;
        }
        links.flush();
        return new RequirementService.ImportOutcome(imported, problems);
    }

    private static SpecificationItemId requirementId(String text) {
        return SpecificationItemId.tryParse(text == null ? "" : text)
                .orElseThrow(() -> new IllegalArgumentException("'" + text + "' is not a requirement id"));
    }
}
