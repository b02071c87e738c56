package org.xenfusa.trace.spec;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * Where short coverage tags ({@code [[name:1]]}) are read and what they mean, as OFT's path
 * configuration says: files matching {@code paths} hold tags of type {@code tagType} covering
 * items of type {@code coveredType} whose names start with {@code coveredNamePrefix}.
 */
public record ShortTagRule(Predicate<String> paths, String tagType, String coveredType, String coveredNamePrefix) {
    public ShortTagRule {
        Objects.requireNonNull(paths, "paths");
        Objects.requireNonNull(tagType, "tagType");
        Objects.requireNonNull(coveredType, "coveredType");
        Objects.requireNonNull(coveredNamePrefix, "coveredNamePrefix");
    }
}
