package org.xenfusa.trace.spec;

import static org.xenfusa.trace.spec.MarkupDialect.Action.*;
import static org.xenfusa.trace.spec.MarkupDialect.State.*;
import static org.xenfusa.trace.spec.MarkupSyntax.*;

import java.util.List;
import java.util.Locale;

/**
 * The transition tables of the two markup formats OFT reads items from. Each row is one
 * transition, tried in order, as in OFT's own importers, so that a quirk of the format is a
 * one-row change and the import matches OFT's line for line.
 */
public enum MarkupDialect {
    RESTRUCTURED_TEXT(List.of(
            row(START, SPEC_ITEM, ID, BEGIN_ITEM),
            row(START, START, FORWARD_LINE, Action.FORWARD),
            row(START, TITLE, RST_SECTION_TITLE, REMEMBER_TITLE),
            row(START, START, EVERYTHING, NONE),

            row(TITLE, TITLE, RST_UNDERLINE, NONE),
            row(TITLE, TITLE, RST_SECTION_TITLE, REMEMBER_TITLE),
            row(TITLE, SPEC_ITEM, ID, BEGIN_ITEM),
            row(TITLE, TITLE, EMPTY, NONE),
            row(TITLE, START, FORWARD_LINE, END_ITEM_THEN_FORWARD),
            row(TITLE, START, EVERYTHING, RESET_TITLE),

            row(SPEC_ITEM, SPEC_ITEM, ID, BEGIN_ITEM),
            row(SPEC_ITEM, SPEC_ITEM, STATUS, SET_STATUS),
            row(SPEC_ITEM, RATIONALE, RATIONALE_LABEL, BEGIN_RATIONALE),
            row(SPEC_ITEM, COMMENT, COMMENT_LABEL, BEGIN_COMMENT),
            row(SPEC_ITEM, TITLE, RST_SECTION_TITLE, END_ITEM_THEN_REMEMBER_TITLE),
            row(SPEC_ITEM, COVERS, COVERS_LABEL, NONE),
            row(SPEC_ITEM, DEPENDS, DEPENDS_LABEL, NONE),
            row(SPEC_ITEM, SPEC_ITEM, NEEDS_INLINE, ADD_NEEDS),
            row(SPEC_ITEM, NEEDS_LIST, NEEDS, NONE),
            row(SPEC_ITEM, TAGS, TAGS_INLINE, ADD_TAGS),
            row(SPEC_ITEM, TAGS, TAGS_LABEL, NONE),
            row(SPEC_ITEM, DESCRIPTION, DESCRIPTION_LABEL, BEGIN_DESCRIPTION),
            row(SPEC_ITEM, START, FORWARD_LINE, END_ITEM_THEN_FORWARD),
            row(SPEC_ITEM, DESCRIPTION, NOT_EMPTY, BEGIN_DESCRIPTION),

            row(DESCRIPTION, SPEC_ITEM, ID, BEGIN_ITEM),
            row(DESCRIPTION, TITLE, RST_SECTION_TITLE, END_ITEM_THEN_REMEMBER_TITLE),
            row(DESCRIPTION, RATIONALE, RATIONALE_LABEL, BEGIN_RATIONALE),
            row(DESCRIPTION, COMMENT, COMMENT_LABEL, BEGIN_COMMENT),
            row(DESCRIPTION, COVERS, COVERS_LABEL, NONE),
            row(DESCRIPTION, DEPENDS, DEPENDS_LABEL, NONE),
            row(DESCRIPTION, SPEC_ITEM, NEEDS_INLINE, ADD_NEEDS),
            row(DESCRIPTION, NEEDS_LIST, NEEDS, NONE),
            row(DESCRIPTION, TAGS, TAGS_INLINE, ADD_TAGS),
            row(DESCRIPTION, TAGS, TAGS_LABEL, NONE),
            row(DESCRIPTION, START, FORWARD_LINE, END_ITEM_THEN_FORWARD),
            row(DESCRIPTION, DESCRIPTION, EVERYTHING, APPEND_DESCRIPTION),

            row(RATIONALE, SPEC_ITEM, ID, BEGIN_ITEM),
            row(RATIONALE, TITLE, RST_SECTION_TITLE, END_ITEM_THEN_REMEMBER_TITLE),
            row(RATIONALE, COMMENT, COMMENT_LABEL, BEGIN_COMMENT),
            row(RATIONALE, COVERS, COVERS_LABEL, NONE),
            row(RATIONALE, DEPENDS, DEPENDS_LABEL, NONE),
            row(RATIONALE, SPEC_ITEM, NEEDS_INLINE, ADD_NEEDS),
            row(RATIONALE, NEEDS_LIST, NEEDS, NONE),
            row(RATIONALE, TAGS, TAGS_INLINE, ADD_TAGS),
            row(RATIONALE, TAGS, TAGS_LABEL, NONE),
            row(RATIONALE, RATIONALE, EVERYTHING, APPEND_RATIONALE),

            row(COMMENT, SPEC_ITEM, ID, BEGIN_ITEM),
            row(COMMENT, TITLE, RST_SECTION_TITLE, END_ITEM_THEN_REMEMBER_TITLE),
            row(COMMENT, COVERS, COVERS_LABEL, NONE),
            row(COMMENT, DEPENDS, DEPENDS_LABEL, NONE),
            row(COMMENT, SPEC_ITEM, NEEDS_INLINE, ADD_NEEDS),
            row(COMMENT, NEEDS_LIST, NEEDS, NONE),
            row(COMMENT, RATIONALE, RATIONALE_LABEL, BEGIN_RATIONALE),
            row(COMMENT, TAGS, TAGS_INLINE, ADD_TAGS),
            row(COMMENT, TAGS, TAGS_LABEL, NONE),
            row(COMMENT, COMMENT, EVERYTHING, APPEND_COMMENT),

            row(COVERS, SPEC_ITEM, ID, BEGIN_ITEM),
            row(COVERS, TITLE, RST_SECTION_TITLE, END_ITEM_THEN_REMEMBER_TITLE),
            row(COVERS, COVERS, REFERENCE, ADD_COVERED),
            row(COVERS, RATIONALE, RATIONALE_LABEL, BEGIN_RATIONALE),
            row(COVERS, COMMENT, COMMENT_LABEL, BEGIN_COMMENT),
            row(COVERS, DEPENDS, DEPENDS_LABEL, NONE),
            row(COVERS, SPEC_ITEM, NEEDS_INLINE, ADD_NEEDS),
            row(COVERS, NEEDS_LIST, NEEDS, NONE),
            row(COVERS, COVERS, EMPTY, NONE),
            row(COVERS, TAGS, TAGS_INLINE, ADD_TAGS),
            row(COVERS, TAGS, TAGS_LABEL, NONE),
            row(COVERS, START, FORWARD_LINE, END_ITEM_THEN_FORWARD),

            row(DEPENDS, SPEC_ITEM, ID, BEGIN_ITEM),
            row(DEPENDS, TITLE, RST_SECTION_TITLE, END_ITEM_THEN_REMEMBER_TITLE),
            row(DEPENDS, DEPENDS, REFERENCE, ADD_DEPENDENCY),
            row(DEPENDS, RATIONALE, RATIONALE_LABEL, BEGIN_RATIONALE),
            row(DEPENDS, COMMENT, COMMENT_LABEL, BEGIN_COMMENT),
            row(DEPENDS, DEPENDS, DEPENDS_LABEL, NONE),
            row(DEPENDS, SPEC_ITEM, NEEDS_INLINE, ADD_NEEDS),
            row(DEPENDS, NEEDS_LIST, NEEDS, NONE),
            row(DEPENDS, DEPENDS, EMPTY, NONE),
            row(DEPENDS, COVERS, COVERS_LABEL, NONE),
            row(DEPENDS, TAGS, TAGS_INLINE, ADD_TAGS),
            row(DEPENDS, TAGS, TAGS_LABEL, NONE),
            row(DEPENDS, START, FORWARD_LINE, END_ITEM_THEN_FORWARD),

            row(NEEDS_LIST, SPEC_ITEM, ID, BEGIN_ITEM),
            row(NEEDS_LIST, TITLE, RST_SECTION_TITLE, END_ITEM_THEN_REMEMBER_TITLE),
            row(NEEDS_LIST, RATIONALE, RATIONALE_LABEL, BEGIN_RATIONALE),
            row(NEEDS_LIST, COMMENT, COMMENT_LABEL, BEGIN_COMMENT),
            row(NEEDS_LIST, DEPENDS, DEPENDS_LABEL, NONE),
            row(NEEDS_LIST, NEEDS_LIST, NEEDS_ENTRY, ADD_NEEDS),
            // reStructuredText: a blank line keeps the needs list open (Markdown's ends it)
            row(NEEDS_LIST, NEEDS_LIST, EMPTY, NONE),
            row(NEEDS_LIST, COVERS, COVERS_LABEL, NONE),
            row(NEEDS_LIST, TAGS, TAGS_INLINE, ADD_TAGS),
            row(NEEDS_LIST, TAGS, TAGS_LABEL, NONE),
            row(NEEDS_LIST, START, FORWARD_LINE, END_ITEM_THEN_FORWARD),

            row(TAGS, TAGS, TAG_ENTRY, ADD_TAGS),
            row(TAGS, TITLE, RST_SECTION_TITLE, END_ITEM_THEN_REMEMBER_TITLE),
            row(TAGS, SPEC_ITEM, ID, BEGIN_ITEM),
            row(TAGS, RATIONALE, RATIONALE_LABEL, BEGIN_RATIONALE),
            row(TAGS, COMMENT, COMMENT_LABEL, BEGIN_COMMENT),
            row(TAGS, DEPENDS, DEPENDS_LABEL, NONE),
            row(TAGS, SPEC_ITEM, NEEDS_INLINE, ADD_NEEDS),
            row(TAGS, NEEDS_LIST, NEEDS, NONE),
            row(TAGS, SPEC_ITEM, EMPTY, NONE),
            row(TAGS, COVERS, COVERS_LABEL, NONE),
            row(TAGS, TAGS, TAGS_LABEL, NONE),
            row(TAGS, TAGS, TAGS_INLINE, ADD_TAGS),
            row(TAGS, START, FORWARD_LINE, END_ITEM_THEN_FORWARD))),

    MARKDOWN(List.of(
            row(START, SPEC_ITEM, ID, BEGIN_ITEM),
            row(START, TITLE, MD_SECTION_TITLE, REMEMBER_TITLE),
            row(START, START, FORWARD_LINE, Action.FORWARD),
            row(START, CODE_BLOCK, MD_CODE_BEGIN, NONE),
            row(START, START, EVERYTHING, NONE),

            row(TITLE, SPEC_ITEM, ID, BEGIN_ITEM),
            row(TITLE, TITLE, MD_SECTION_TITLE, REMEMBER_TITLE),
            row(TITLE, TITLE, MD_UNDERLINE, NONE),
            row(TITLE, TITLE, EMPTY, NONE),
            row(TITLE, START, FORWARD_LINE, FORWARD_THEN_RESET_TITLE),
            row(TITLE, START, EVERYTHING, RESET_TITLE),

            row(SPEC_ITEM, SPEC_ITEM, ID, BEGIN_ITEM),
            row(SPEC_ITEM, SPEC_ITEM, STATUS, SET_STATUS),
            row(SPEC_ITEM, TITLE, MD_SECTION_TITLE, END_ITEM_THEN_REMEMBER_TITLE),
            row(SPEC_ITEM, RATIONALE, RATIONALE_LABEL, BEGIN_RATIONALE),
            row(SPEC_ITEM, COMMENT, COMMENT_LABEL, BEGIN_COMMENT),
            row(SPEC_ITEM, COVERS, COVERS_LABEL, NONE),
            row(SPEC_ITEM, DEPENDS, DEPENDS_LABEL, NONE),
            row(SPEC_ITEM, SPEC_ITEM, NEEDS_INLINE, ADD_NEEDS),
            row(SPEC_ITEM, NEEDS_LIST, NEEDS, NONE),
            row(SPEC_ITEM, TAGS, TAGS_INLINE, ADD_TAGS),
            row(SPEC_ITEM, TAGS, TAGS_LABEL, NONE),
            row(SPEC_ITEM, DESCRIPTION, DESCRIPTION_LABEL, BEGIN_DESCRIPTION),
            row(SPEC_ITEM, START, FORWARD_LINE, END_ITEM_THEN_FORWARD),
            row(SPEC_ITEM, DESCRIPTION, NOT_EMPTY, BEGIN_DESCRIPTION),

            row(DESCRIPTION, SPEC_ITEM, ID, BEGIN_ITEM),
            row(DESCRIPTION, TITLE, MD_SECTION_TITLE, END_ITEM_THEN_REMEMBER_TITLE),
            row(DESCRIPTION, RATIONALE, RATIONALE_LABEL, BEGIN_RATIONALE),
            row(DESCRIPTION, COMMENT, COMMENT_LABEL, BEGIN_COMMENT),
            row(DESCRIPTION, COVERS, COVERS_LABEL, NONE),
            row(DESCRIPTION, DEPENDS, DEPENDS_LABEL, NONE),
            row(DESCRIPTION, SPEC_ITEM, NEEDS_INLINE, ADD_NEEDS),
            row(DESCRIPTION, NEEDS_LIST, NEEDS, NONE),
            row(DESCRIPTION, TAGS, TAGS_INLINE, ADD_TAGS),
            row(DESCRIPTION, TAGS, TAGS_LABEL, NONE),
            row(DESCRIPTION, START, FORWARD_LINE, END_ITEM_THEN_FORWARD),
            row(DESCRIPTION, DESCRIPTION, EVERYTHING, APPEND_DESCRIPTION),

            row(RATIONALE, SPEC_ITEM, ID, BEGIN_ITEM),
            row(RATIONALE, TITLE, MD_SECTION_TITLE, END_ITEM_THEN_REMEMBER_TITLE),
            row(RATIONALE, COMMENT, COMMENT_LABEL, BEGIN_COMMENT),
            row(RATIONALE, COVERS, COVERS_LABEL, NONE),
            row(RATIONALE, DEPENDS, DEPENDS_LABEL, NONE),
            row(RATIONALE, SPEC_ITEM, NEEDS_INLINE, ADD_NEEDS),
            row(RATIONALE, NEEDS_LIST, NEEDS, NONE),
            row(RATIONALE, TAGS, TAGS_INLINE, ADD_TAGS),
            row(RATIONALE, TAGS, TAGS_LABEL, NONE),
            row(RATIONALE, RATIONALE, EVERYTHING, APPEND_RATIONALE),

            row(COMMENT, SPEC_ITEM, ID, BEGIN_ITEM),
            row(COMMENT, TITLE, MD_SECTION_TITLE, END_ITEM_THEN_REMEMBER_TITLE),
            row(COMMENT, COVERS, COVERS_LABEL, NONE),
            row(COMMENT, DEPENDS, DEPENDS_LABEL, NONE),
            row(COMMENT, SPEC_ITEM, NEEDS_INLINE, ADD_NEEDS),
            row(COMMENT, NEEDS_LIST, NEEDS, NONE),
            row(COMMENT, RATIONALE, RATIONALE_LABEL, BEGIN_RATIONALE),
            row(COMMENT, TAGS, TAGS_INLINE, ADD_TAGS),
            row(COMMENT, TAGS, TAGS_LABEL, NONE),
            row(COMMENT, COMMENT, EVERYTHING, APPEND_COMMENT),

            row(COVERS, SPEC_ITEM, ID, BEGIN_ITEM),
            row(COVERS, TITLE, MD_SECTION_TITLE, END_ITEM_THEN_REMEMBER_TITLE),
            row(COVERS, COVERS, REFERENCE, ADD_COVERED),
            row(COVERS, RATIONALE, RATIONALE_LABEL, BEGIN_RATIONALE),
            row(COVERS, COMMENT, COMMENT_LABEL, BEGIN_COMMENT),
            row(COVERS, DEPENDS, DEPENDS_LABEL, NONE),
            row(COVERS, SPEC_ITEM, NEEDS_INLINE, ADD_NEEDS),
            row(COVERS, NEEDS_LIST, NEEDS, NONE),
            row(COVERS, COVERS, EMPTY, NONE),
            row(COVERS, TAGS, TAGS_INLINE, ADD_TAGS),
            row(COVERS, TAGS, TAGS_LABEL, NONE),
            row(COVERS, START, FORWARD_LINE, END_ITEM_THEN_FORWARD),

            row(DEPENDS, SPEC_ITEM, ID, BEGIN_ITEM),
            row(DEPENDS, TITLE, MD_SECTION_TITLE, END_ITEM_THEN_REMEMBER_TITLE),
            row(DEPENDS, DEPENDS, REFERENCE, ADD_DEPENDENCY),
            row(DEPENDS, RATIONALE, RATIONALE_LABEL, BEGIN_RATIONALE),
            row(DEPENDS, COMMENT, COMMENT_LABEL, BEGIN_COMMENT),
            row(DEPENDS, DEPENDS, DEPENDS_LABEL, NONE),
            row(DEPENDS, SPEC_ITEM, NEEDS_INLINE, ADD_NEEDS),
            row(DEPENDS, NEEDS_LIST, NEEDS, NONE),
            row(DEPENDS, DEPENDS, EMPTY, NONE),
            row(DEPENDS, COVERS, COVERS_LABEL, NONE),
            row(DEPENDS, TAGS, TAGS_INLINE, ADD_TAGS),
            row(DEPENDS, TAGS, TAGS_LABEL, NONE),
            row(DEPENDS, START, FORWARD_LINE, END_ITEM_THEN_FORWARD),

            row(NEEDS_LIST, SPEC_ITEM, ID, BEGIN_ITEM),
            row(NEEDS_LIST, TITLE, MD_SECTION_TITLE, END_ITEM_THEN_REMEMBER_TITLE),
            row(NEEDS_LIST, RATIONALE, RATIONALE_LABEL, BEGIN_RATIONALE),
            row(NEEDS_LIST, COMMENT, COMMENT_LABEL, BEGIN_COMMENT),
            row(NEEDS_LIST, DEPENDS, DEPENDS_LABEL, NONE),
            row(NEEDS_LIST, NEEDS_LIST, NEEDS_ENTRY, ADD_NEEDS),
            // Markdown: a blank line ends the needs list and what follows is description text
            row(NEEDS_LIST, DESCRIPTION, EMPTY, NONE),
            row(NEEDS_LIST, COVERS, COVERS_LABEL, NONE),
            row(NEEDS_LIST, TAGS, TAGS_INLINE, ADD_TAGS),
            row(NEEDS_LIST, TAGS, TAGS_LABEL, NONE),
            row(NEEDS_LIST, START, FORWARD_LINE, END_ITEM_THEN_FORWARD),

            row(TAGS, TAGS, TAG_ENTRY, ADD_TAGS),
            row(TAGS, SPEC_ITEM, ID, BEGIN_ITEM),
            row(TAGS, TITLE, MD_SECTION_TITLE, END_ITEM_THEN_REMEMBER_TITLE),
            row(TAGS, RATIONALE, RATIONALE_LABEL, BEGIN_RATIONALE),
            row(TAGS, COMMENT, COMMENT_LABEL, BEGIN_COMMENT),
            row(TAGS, DEPENDS, DEPENDS_LABEL, NONE),
            row(TAGS, SPEC_ITEM, NEEDS_INLINE, ADD_NEEDS),
            row(TAGS, NEEDS_LIST, NEEDS, NONE),
            row(TAGS, SPEC_ITEM, EMPTY, NONE),
            row(TAGS, COVERS, COVERS_LABEL, NONE),
            row(TAGS, TAGS, TAGS_LABEL, NONE),
            row(TAGS, TAGS, TAGS_INLINE, ADD_TAGS),
            row(TAGS, START, FORWARD_LINE, END_ITEM_THEN_FORWARD),

            row(CODE_BLOCK, START, MD_CODE_END, NONE)));

    /** Where the importer is in a file. */
    enum State { START, TITLE, SPEC_ITEM, DESCRIPTION, RATIONALE, COMMENT, COVERS, DEPENDS, NEEDS_LIST, TAGS, CODE_BLOCK }

    /** What a transition does to the item being built. */
    enum Action {
        NONE, BEGIN_ITEM, FORWARD, END_ITEM_THEN_FORWARD, FORWARD_THEN_RESET_TITLE, REMEMBER_TITLE,
        END_ITEM_THEN_REMEMBER_TITLE, RESET_TITLE, SET_STATUS, BEGIN_DESCRIPTION, APPEND_DESCRIPTION,
        BEGIN_RATIONALE, APPEND_RATIONALE, BEGIN_COMMENT, APPEND_COMMENT, ADD_COVERED, ADD_DEPENDENCY, ADD_NEEDS,
        ADD_TAGS
    }

    /** One row of a table. */
    record Transition(State from, State to, LinePattern pattern, Action action) {
    }

    private final List<Transition> transitions;

    MarkupDialect(List<Transition> transitions) {
        this.transitions = transitions;
    }

    List<Transition> transitions() {
        return transitions;
    }

    /** The dialect for a file name, as OFT picks its importer: {@code .rst}, {@code .md}, {@code .markdown} (any case). */
    public static java.util.Optional<MarkupDialect> forFileName(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".rst")) {
            return java.util.Optional.of(RESTRUCTURED_TEXT);
        }
        if (lower.endsWith(".md") || lower.endsWith(".markdown")) {
            return java.util.Optional.of(MARKDOWN);
        }
        return java.util.Optional.empty();
    }

    private static Transition row(State from, State to, LinePattern pattern, Action action) {
        return new Transition(from, to, pattern, action);
    }
}
