package org.xenfusa.web.platform;

import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Settings stored on first use (the gate file, the board table, the effort model): the stored row, or the shipped
 * default saved once. Two threads or two instances asking at the same moment on an empty database both find
 * nothing and both insert; the second insert breaks the unique name. The insert therefore runs in its own
 * transaction, and a duplicate means someone else stored it first: theirs is read, and the caller's transaction
 * (which a failed statement would have aborted on PostgreSQL) goes on.
 */
@Component
public class StoredDefaults {
    private final TransactionTemplate separate;

    public StoredDefaults(PlatformTransactionManager transactions) {
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * The row {@code find} reads, else the one {@code create} saves (in its own transaction), else the one another
     * thread or instance saved at the same moment.
     */
    public <T> T findOrCreate(Supplier<Optional<T>> find, Supplier<T> create) {
        Optional<T> found = find.get();
        if (found.isPresent()) {
            return found.get();
        }
        try {
            separate.execute(status -> create.get());
        } catch (DataIntegrityViolationException e) {
            // stored by someone else between the read and the insert: read theirs below
        }
        return find.get().orElseThrow(() -> new IllegalStateException("a default setting was neither found nor stored"));
    }
}
