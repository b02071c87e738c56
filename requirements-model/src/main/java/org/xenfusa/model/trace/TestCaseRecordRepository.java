package org.xenfusa.model.trace;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/** The test cases of imported result files. */
public interface TestCaseRecordRepository extends JpaRepository<TestCaseRecord, Long> {
    List<TestCaseRecord> findByResultFileIdInOrderByIdAsc(Collection<Long> resultFileIds);
}
