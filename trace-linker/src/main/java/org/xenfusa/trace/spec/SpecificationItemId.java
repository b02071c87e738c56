package org.xenfusa.trace.spec;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The id of an OpenFastTrace specification item, {@code type~name~revision}, for example
 * {@code XenSwdgn~arm64_generic_timer_read_freq~1}.
 *
 * @param type     the artifact type ({@code XenMkt}, {@code dsn}, {@code impl}, ...)
 * @param name     the item's name
 * @param revision the revision; {@link #ANY_REVISION} for the ids of short coverage tags, which OFT
 *                 creates without one
 */
public record SpecificationItemId(String type, String name, int revision) implements Comparable<SpecificationItemId> {
    /** The revision OFT gives to the items of short tags ({@code [[name:1]]}): none at all. */
    public static final int ANY_REVISION = Integer.MIN_VALUE;

    /** The name part as OFT's user guide defines it (Unicode letters, digits, '_', '-', '.'). */
    static final String NAME_PATTERN = "(?U)(\\p{Alpha}[\\w-]*(?:\\.[\\w-]+)*+)";
    static final String REVISION_PATTERN = "(\\d+)";
    /** The full id with three groups: type, name, revision. Kept as text so that other patterns embed it. */
    static final String ID_PATTERN = "(\\p{Alpha}+)~" + NAME_PATTERN + "~" + REVISION_PATTERN;
    private static final Pattern ID = Pattern.compile(ID_PATTERN);

    public SpecificationItemId {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
    }

    /**
     * Parses {@code type~name~revision}.
     *
     * @throws MalformedIdException when the text is no id or the revision does not fit an int
     */
    public static SpecificationItemId parse(String text) {
        return tryParse(text).orElseThrow(() -> new MalformedIdException("not a specification item id: '" + text
                + "' (expected <artifact-type>~<name>~<revision>)"));
    }

    /** Parses {@code type~name~revision}, or empty when the text is not one. */
    public static Optional<SpecificationItemId> tryParse(String text) {
        Matcher m = ID.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new SpecificationItemId(m.group(1), m.group(2), parseRevision(m.group(3), text)));
    }

    static int parseRevision(String digits, String context) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw new MalformedIdException("revision out of range in '" + context + "'");
        }
    }

    /** The same type and name at another revision. */
    public SpecificationItemId withRevision(int newRevision) {
        return new SpecificationItemId(type, name, newRevision);
    }

    /** True when both name the same item regardless of revision. */
    public boolean sameItemAs(SpecificationItemId other) {
        return type.equals(other.type) && name.equals(other.name);
    }

    @Override
    public String toString() {
        return type + "~" + name + "~" + revision;
    }

    @Override
    public int compareTo(SpecificationItemId o) {
        int c = type.compareTo(o.type);
        if (c == 0) {
            c = name.compareTo(o.name);
        }
        return c != 0 ? c : Integer.compare(revision, o.revision);
    }

    /** Text that should be an item id is not one. */
    public static final class MalformedIdException extends IllegalArgumentException {
        public MalformedIdException(String message) {
            super(message);
        }
    }
}
