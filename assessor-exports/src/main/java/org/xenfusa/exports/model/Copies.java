package org.xenfusa.exports.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Defensive copies for the model's records: JSON input may omit a list, and no record exposes a null. */
final class Copies {
    private Copies() {
    }

    static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    static <K, V> Map<K, V> map(Map<K, V> values) {
        // Insertion order is kept: documents list configurations in the order the input gives them.
        return values == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    static String text(String value) {
        return value == null ? "" : value;
    }

    static String required(String value, String what) {
        Objects.requireNonNull(value, what + " is required");
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value;
    }

    static <T> Optional<T> optional(Optional<T> value) {
        return value == null ? Optional.empty() : value;
    }
}
