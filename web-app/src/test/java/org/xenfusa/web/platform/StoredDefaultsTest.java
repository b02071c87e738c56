package org.xenfusa.web.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * A default stored on first use: created once, in its own transaction; when another thread or instance stored it
 * between the read and the insert (the unique name refuses the second), theirs is read instead of failing the
 * caller (the race that failed readiness results computed at the same moment on an empty database).
 */
class StoredDefaultsTest {
    /** Records the propagation of every transaction it is asked for; commits nothing. */
    static final class Recording extends AbstractPlatformTransactionManager {
        final List<Integer> propagations = new ArrayList<>();

        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
            propagations.add(definition.getPropagationBehavior());
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
        }
    }

    @Test
    void aStoredRowIsReadAndNothingIsCreated() {
        Recording tx = new Recording();
        String found = new StoredDefaults(tx).findOrCreate(() -> Optional.of("stored"), () -> {
            throw new AssertionError("created although stored");
        });
        assertThat(found).isEqualTo("stored");
        assertThat(tx.propagations).isEmpty();
    }

    @Test
    void aMissingRowIsCreatedInItsOwnTransaction() {
        Recording tx = new Recording();
        AtomicReference<String> table = new AtomicReference<>();
        String found = new StoredDefaults(tx).findOrCreate(() -> Optional.ofNullable(table.get()), () -> {
            table.set("shipped");
            return "shipped";
        });
        assertThat(found).isEqualTo("shipped");
        assertThat(tx.propagations).containsExactly(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Test
    void aRowStoredByAnotherAtTheSameMomentIsReadInsteadOfFailing() {
        AtomicReference<String> table = new AtomicReference<>();
        String found = new StoredDefaults(new Recording()).findOrCreate(() -> Optional.ofNullable(table.get()), () -> {
            // the other instance's insert committed first: ours breaks the unique name
            table.set("theirs");
            throw new DataIntegrityViolationException("duplicate key value violates unique constraint");
        });
        assertThat(found).isEqualTo("theirs");
    }

    @Test
    void anyOtherFailureOfTheInsertIsNotHidden() {
        StoredDefaults defaults = new StoredDefaults(new Recording());
        assertThatThrownBy(() -> defaults.findOrCreate(Optional::empty, () -> {
            throw new IllegalStateException("disk full");
        })).isInstanceOf(IllegalStateException.class).hasMessage("disk full");
    }
}
