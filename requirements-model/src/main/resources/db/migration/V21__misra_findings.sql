-- MISRA C findings (issue 13): an analyser's report (SARIF, cppcheck XML, xen-analysis.py text) as it was uploaded,
-- for one snapshot and configuration. The bytes are kept: the one MISRA report (misra-evidence) is computed from
-- them and Xen's records at the snapshot's commit, and the evidence package carries them with their SHA-256. A report
-- is never changed once imported; a report that cannot be read as a whole is never stored.
create table misra_findings_file (
    id               bigserial primary key,
    snapshot_id      bigint        not null references snapshot (id) on delete cascade,
    configuration_id bigint        not null references saved_configuration (id) on delete cascade,
    file_name        varchar(1000) not null,
    format           varchar(40)   not null,
    sha256           varchar(64)   not null,
    findings         integer       not null,
    content          bytea         not null,
    imported_by      varchar(100)  not null,
    imported_at      timestamptz   not null
);
create index misra_findings_file_run on misra_findings_file (snapshot_id, configuration_id);
