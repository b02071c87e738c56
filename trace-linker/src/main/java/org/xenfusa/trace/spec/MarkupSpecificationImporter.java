package org.xenfusa.trace.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.xenfusa.trace.spec.MarkupDialect.State;
import org.xenfusa.trace.spec.MarkupDialect.Transition;

/**
 * Reads OFT specification items from one Markdown or reStructuredText file: a state machine over
 * lines driven by the dialect's table. Lines between {@code oft:off} and {@code oft:on} are skipped.
 * One instance per file; not thread-safe.
 */
// [impl->dsn~markup-importer~1]
public final class MarkupSpecificationImporter {
    private static final Pattern PARSER_OFF = Pattern.compile("(?:^|\\W)oft:off(?:\\W|$)", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern PARSER_ON = Pattern.compile("(?:^|\\W)oft:on(?:\\W|$)", Pattern.UNICODE_CHARACTER_CLASS);
    /** Text that looks meant as an item id but is not one, e.g. {@code `XenProd~name`} without revision. */
    private static final Pattern ALMOST_ID = Pattern.compile("`?(\\p{Alpha}+~[^\\s`~]+(?:~[^\\s`]*)?)`?\\s*");

    private final MarkupDialect dialect;
    private final String path;
    private final List<SpecificationItem> items = new ArrayList<>();
    private final List<ImportProblem> problems = new ArrayList<>();

    private State state = State.START;
    private boolean enabled = true;
    private String title;
    private ItemDraft draft;
    private int lineNumber;

    private MarkupSpecificationImporter(MarkupDialect dialect, String path) {
        this.dialect = dialect;
        this.path = path;
    }

    /** Imports the items of {@code content}, the file at {@code path}. */
    public static SpecificationImport importFile(MarkupDialect dialect, String path, byte[] content) {
        return importLines(dialect, path, TextLines.of(content));
    }

    public static SpecificationImport importLines(MarkupDialect dialect, String path, List<String> lines) {
        MarkupSpecificationImporter importer = new MarkupSpecificationImporter(dialect, path);
        for (int i = 0; i < lines.size(); i++) {
            importer.lineNumber = i + 1;
            importer.step(lines.get(i), i + 1 < lines.size() ? lines.get(i + 1) : null);
        }
        importer.cleanUp();
        return new SpecificationImport(importer.items, importer.problems);
    }

    private void step(String line, String next) {
        if (!enabled) {
            enabled = PARSER_ON.matcher(line).find();
            return;
        }
        if (PARSER_OFF.matcher(line).find()) {
            enabled = false;
            return;
        }
        for (Transition t : dialect.transitions()) {
            if (t.from() != state) {
                continue;
            }
            Optional<String> token = t.pattern().match(line, next);
            if (token.isPresent()) {
                state = t.to();
                try {
                    act(t.action(), token.get());
                } catch (SpecificationItemId.MalformedIdException e) {
                    // OFT stops the whole import here; we name the line and go on without that id
                    problems.add(new ImportProblem(new Location(path, lineNumber), e.getMessage()));
                    if (draft == null) {
                        state = State.START;
                    }
                }
                lintAlmostId(t, line);
                return;
            }
        }
    }

    /** A line that was meant as an id but is not one is imported as text, as OFT does; say so. */
    private void lintAlmostId(Transition t, String line) {
        if (t.action() != MarkupDialect.Action.BEGIN_ITEM && t.action() != MarkupDialect.Action.FORWARD
                && ALMOST_ID.matcher(line).matches() && MarkupSyntax.ID.match(line, null).isEmpty()) {
            problems.add(new ImportProblem(new Location(path, lineNumber), "malformed specification item id '"
                    + line.strip() + "' (expected <artifact-type>~<name>~<revision>): read as text"));
        }
    }

    private void act(MarkupDialect.Action action, String token) {
        switch (action) {
            case NONE -> { }
            case BEGIN_ITEM -> beginItem(token);
            case FORWARD -> forward(token);
            case END_ITEM_THEN_FORWARD -> {
                endItem();
                forward(token);
            }
            case FORWARD_THEN_RESET_TITLE -> {
                forward(token);
                title = null;
            }
            case REMEMBER_TITLE -> title = token;
            case END_ITEM_THEN_REMEMBER_TITLE -> {
                endItem();
                title = token;
            }
            case RESET_TITLE -> title = null;
            case SET_STATUS -> draft.status = ItemStatus.parse(token);
            case BEGIN_DESCRIPTION -> draft.description.append(token);
            case APPEND_DESCRIPTION -> draft.description.append('\n').append(token);
            case BEGIN_RATIONALE -> draft.rationale.append('\n');
            case APPEND_RATIONALE -> draft.rationale.append('\n').append(token);
            case BEGIN_COMMENT -> draft.comment.append(token);
            case APPEND_COMMENT -> draft.comment.append('\n').append(token);
            case ADD_COVERED -> draft.covers.add(SpecificationItemId.parse(token));
            case ADD_DEPENDENCY -> draft.depends.add(SpecificationItemId.parse(token));
            case ADD_NEEDS -> {
                for (String type : token.split(",")) {
                    draft.needs.add(type.trim());
                }
            }
            case ADD_TAGS -> {
                for (String tag : token.split(",")) {
                    draft.tags.add(tag.trim());
                }
            }
        }
    }

    private void beginItem(String idText) {
        cleanUp();
        SpecificationItemId id = SpecificationItemId.parse(idText);
        draft = new ItemDraft(id, new Location(path, lineNumber));
        if (title != null) {
            draft.title = title;
        }
    }

    /** Ends the open item, if any, and (as OFT does, even with no item open) forgets the section title. */
    private void endItem() {
        if (draft != null) {
            items.add(draft.build());
            draft = null;
        }
        title = null;
    }

    /** Ends the open item only when there is one; the title stays when there is none. */
    private void cleanUp() {
        if (draft != null) {
            endItem();
        }
    }

    /** {@code dsn --> impl, utest : req~name~1}: a {@code dsn~name~1} item covering the original and needing the targets. */
    private void forward(String token) {
        int arrow = token.indexOf("-->");
        int colon = token.indexOf(':');
        String skippedType = token.substring(0, arrow).trim();
        SpecificationItemId original = SpecificationItemId.parse(token.substring(colon + 1).trim());
        ItemDraft f = new ItemDraft(new SpecificationItemId(skippedType, original.name(), original.revision()),
                new Location(path, lineNumber));
        f.covers.add(original);
        for (String target : token.substring(arrow + 3, colon).trim().split(",\\s*")) {
            f.needs.add(target.trim());
        }
        f.forwards = true;
        items.add(f.build());
    }

    /** The item being read. */
    private static final class ItemDraft {
        final SpecificationItemId id;
        final Location location;
        String title = "";
        ItemStatus status = ItemStatus.APPROVED;
        final StringBuilder description = new StringBuilder();
        final StringBuilder rationale = new StringBuilder();
        final StringBuilder comment = new StringBuilder();
        final List<SpecificationItemId> covers = new ArrayList<>();
        final List<SpecificationItemId> depends = new ArrayList<>();
        final List<String> needs = new ArrayList<>();
        final List<String> tags = new ArrayList<>();
        boolean forwards;

        ItemDraft(SpecificationItemId id, Location location) {
            this.id = id;
            this.location = location;
        }

        SpecificationItem build() {
            // OFT trims the multi-line texts (String.trim: ASCII control characters and spaces)
            return new SpecificationItem(id, title, description.toString().trim(), rationale.toString().trim(),
                    comment.toString().trim(), location, status, covers, depends, needs, tags, forwards);
        }
    }
}
