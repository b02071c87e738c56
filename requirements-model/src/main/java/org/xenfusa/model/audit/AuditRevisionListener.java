package org.xenfusa.model.audit;

import java.util.Objects;
import java.util.function.Supplier;

import org.hibernate.envers.RevisionListener;

/**
 * Stamps each revision with the acting user. The model knows nothing of Spring Security, so the
 * web layer installs the supplier of the current user name at start-up.
 */
public class AuditRevisionListener implements RevisionListener {
    private static volatile Supplier<String> currentUser = () -> "system";

    public static void useCurrentUser(Supplier<String> supplier) {
        currentUser = Objects.requireNonNull(supplier);
    }

    @Override
    public void newRevision(Object revisionEntity) {
        ((AuditRevision) revisionEntity).setUsername(currentUser.get());
    }
}
