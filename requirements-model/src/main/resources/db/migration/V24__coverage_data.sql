-- Structural coverage (issue 14): a coverage data file (gcov JSON, gcovr JSON, lcov, Cobertura, llvm-cov export) as
-- it was uploaded for one snapshot and configuration, with the test run it came from and the path map that places its
-- build paths in the snapshot. The bytes are kept as given (compressed when they were): the one coverage report
-- (coverage-evidence) is computed from them, and the evidence package carries them with their SHA-256. A data file is
-- never changed once imported; one that cannot be read as a whole is never stored.
create table coverage_data_file (
    id               bigserial primary key,
    snapshot_id      bigint        not null references snapshot (id) on delete cascade,
    configuration_id bigint        not null references saved_configuration (id) on delete cascade,
    test_name        varchar(500)  not null,
    file_name        varchar(1000) not null,
    format           varchar(40)   not null,
    tool             varchar(200)  not null,
    tool_version     varchar(200)  not null,
    sha256           varchar(64)   not null,
    bytes            bigint        not null,
    files            integer       not null,
    path_map         text          not null,
    content          bytea         not null,
    imported_by      varchar(100)  not null,
    imported_at      timestamptz   not null
);
create index coverage_data_file_run on coverage_data_file (snapshot_id, configuration_id);

-- The level (DO-178C DAL; an ASIL is stored as the DAL the effort model maps it to, with the name it was given) a
-- configuration targets, which decides the coverage criteria that apply. Each change is a new row, so the history of
-- who set which level when is kept; the newest row is the level. No row: DAL A, the most demanding.
create table coverage_target_level (
    id               bigserial primary key,
    configuration_id bigint        not null references saved_configuration (id) on delete cascade,
    level            varchar(10)   not null check (level in ('DAL_A', 'DAL_B', 'DAL_C', 'DAL_D', 'DAL_E')),
    given_as         varchar(20)   not null,
    set_by           varchar(100)  not null,
    set_at           timestamptz   not null
);
create index coverage_target_level_configuration on coverage_target_level (configuration_id, id);
