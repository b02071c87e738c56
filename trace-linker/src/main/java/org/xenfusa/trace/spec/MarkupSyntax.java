package org.xenfusa.trace.spec;

/**
 * The line patterns OFT's user guide defines for specification items in Markdown and
 * reStructuredText. Regular expressions only: the tables in {@link MarkupDialect} give them meaning.
 */
final class MarkupSyntax {
    private MarkupSyntax() {
    }

    private static final String ARTIFACT_TYPE = "[a-zA-Z]+";
    private static final String BULLETS = "[+*-]";
    private static final String INDENT = "\\s{0,3}";
    /** A bullet line naming an id anywhere after the bullet (OFT: "requirement references"). */
    private static final String REFERENCE_AFTER_BULLET = INDENT + BULLETS + "(?:.*\\W)?("
            + SpecificationItemId.ID_PATTERN + ")(?:\\W.*)?";

    static final LinePattern COMMENT_LABEL = LinePattern.regex("Comment:\\s*");
    static final LinePattern COVERS_LABEL = LinePattern.regex("Covers:\\s*");
    static final LinePattern REFERENCE = LinePattern.regex(REFERENCE_AFTER_BULLET);
    static final LinePattern DEPENDS_LABEL = LinePattern.regex("Depends:\\s*");
    static final LinePattern DESCRIPTION_LABEL = LinePattern.regex("Description:\\s*");
    static final LinePattern EMPTY = LinePattern.regex("(\\s*)");
    static final LinePattern EVERYTHING = LinePattern.regex("(.*)");
    /** {@code dsn --> impl, utest : req~name~1}: an item that passes coverage on to other types. */
    static final LinePattern FORWARD_LINE = LinePattern.regex(".*?(" + ARTIFACT_TYPE + "\\s*-->\\s*" + ARTIFACT_TYPE
            + "(?:,\\s*" + ARTIFACT_TYPE + ")*\\s*:\\s*" + SpecificationItemId.ID_PATTERN + ").*?");
    /** A line starting with an id, optionally in back-quotes: the start of an item. */
    static final LinePattern ID = LinePattern.regex("`?(" + SpecificationItemId.ID_PATTERN + ")`?.*");
    static final LinePattern NEEDS_INLINE = LinePattern.regex("Needs:(\\s*\\w+\\s*(?:,\\s*\\w+\\s*)*)");
    static final LinePattern NEEDS = LinePattern.regex("Needs:\\s*");
    static final LinePattern NEEDS_ENTRY = LinePattern.regex(INDENT + BULLETS + "(?:.*\\W)?(\\p{Alpha}+)(?:\\W.*)?");
    static final LinePattern NOT_EMPTY = LinePattern.regex("([^\n\r]+)");
    static final LinePattern RATIONALE_LABEL = LinePattern.regex("Rationale:\\s*");
    static final LinePattern STATUS = LinePattern.regex("Status:\\s*(approved|proposed|draft|rejected)\\s*");
    static final LinePattern TAGS_INLINE = LinePattern.regex("Tags:(\\s*\\w+\\s*(?:,\\s*\\w+\\s*)*)");
    static final LinePattern TAGS_LABEL = LinePattern.regex("Tags:\\s*");
    static final LinePattern TAG_ENTRY = LinePattern.regex(INDENT + BULLETS + "\\s*(.*)");

    static final LinePattern RST_UNDERLINE = LinePattern.regex("([-=`:.'\"~^_*+#<>]{3,})\\s*");
    static final LinePattern RST_SECTION_TITLE = LinePattern.underlinedTitle(RST_UNDERLINE);

    static final LinePattern MD_CODE_BEGIN = LinePattern.regex(" *[`~]{3,30}\\w*\\s*");
    static final LinePattern MD_CODE_END = LinePattern.regex(" *[`~]{3,30}\\s*");
    static final LinePattern MD_UNDERLINE = LinePattern.regex("([=-]{3,})\\s*");
    static final LinePattern MD_SECTION_TITLE = LinePattern.regex("#+\\s*(.*)")
            .or(LinePattern.underlinedTitle(MD_UNDERLINE));
}
