-- Requirements (imported from a snapshot's specification files, or written in the web app and
-- spreadsheets), links from requirements to functions and tests made in the web app, and imported
-- test results. Requirements and links keep their history (Envers).
create table requirement (
    id          bigserial primary key,
    snapshot_id bigint        references snapshot (id) on delete cascade,
    origin      varchar(20)   not null,
    position    integer       not null default 0,
    item_type   varchar(100)  not null,
    name        varchar(500)  not null,
    revision    integer       not null,
    title       text          not null default '',
    description text          not null default '',
    rationale   text          not null default '',
    comment     text          not null default '',
    status      varchar(20)   not null,
    covers      text          not null default '',
    depends     text          not null default '',
    needs       text          not null default '',
    tags        text          not null default '',
    forwards    boolean       not null default false,
    file_path   varchar(4000) not null default '',
    line        integer       not null default 0,
    created_by  varchar(100)  not null,
    created_at  timestamptz   not null,
    updated_at  timestamptz   not null
);
create index requirement_snapshot on requirement (snapshot_id, position);
-- one authored requirement per type and name (imported ones may be duplicates: OFT reports them)
create unique index requirement_authored_unique on requirement (item_type, name) where snapshot_id is null;

create table requirement_aud (
    id          bigint  not null,
    rev         integer not null references revinfo (rev),
    revtype     smallint,
    snapshot_id bigint,
    origin      varchar(20),
    position    integer,
    item_type   varchar(100),
    name        varchar(500),
    revision    integer,
    title       text,
    description text,
    rationale   text,
    comment     text,
    status      varchar(20),
    covers      text,
    depends     text,
    needs       text,
    tags        text,
    forwards    boolean,
    file_path   varchar(4000),
    line        integer,
    created_by  varchar(100),
    created_at  timestamptz,
    updated_at  timestamptz,
    primary key (id, rev)
);

create table trace_link (
    id             bigserial primary key,
    repository_id  bigint        not null references source_repository (id) on delete cascade,
    requirement    varchar(700)  not null,
    kind           varchar(10)   not null,
    file_path      varchar(4000) not null,
    function_name  varchar(500)  not null default '',
    line_from      integer,
    line_to        integer,
    test_name      varchar(1000) not null default '',
    artifact_type  varchar(100)  not null,
    reviewed_hash  varchar(80),
    state          varchar(20)   not null,
    author         varchar(100)  not null,
    reviewer       varchar(100),
    created_at     timestamptz   not null,
    updated_at     timestamptz   not null
);
create index trace_link_repository on trace_link (repository_id, requirement);

create table trace_link_aud (
    id             bigint  not null,
    rev            integer not null references revinfo (rev),
    revtype        smallint,
    repository_id  bigint,
    requirement    varchar(700),
    kind           varchar(10),
    file_path      varchar(4000),
    function_name  varchar(500),
    line_from      integer,
    line_to        integer,
    test_name      varchar(1000),
    artifact_type  varchar(100),
    reviewed_hash  varchar(80),
    state          varchar(20),
    author         varchar(100),
    reviewer       varchar(100),
    created_at     timestamptz,
    updated_at     timestamptz,
    primary key (id, rev)
);

-- Test evidence: a result file is never changed once imported, so it needs no history.
create table test_result_file (
    id               bigserial primary key,
    snapshot_id      bigint        not null references snapshot (id) on delete cascade,
    configuration_id bigint        not null references saved_configuration (id) on delete cascade,
    file_name        varchar(1000) not null,
    sha256           varchar(64)   not null,
    imported_by      varchar(100)  not null,
    imported_at      timestamptz   not null
);
create index test_result_file_run on test_result_file (snapshot_id, configuration_id);

create table test_case_result (
    id             bigserial primary key,
    result_file_id bigint        not null references test_result_file (id) on delete cascade,
    class_name     varchar(1000) not null,
    name           varchar(1000) not null,
    outcome        varchar(10)   not null,
    seconds        double precision not null,
    line           integer       not null
);
create index test_case_result_file on test_case_result (result_file_id);
