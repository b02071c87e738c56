-- Exports: every document a user exported (who, when, from what, its SHA-256) with the file kept for
-- download; an export that runs as a job shows its progress in the same row.
create table export_job (
    id            bigserial primary key,
    repository_id bigint        not null references source_repository (id) on delete cascade,
    ref_name      varchar(500)  not null,
    commit_sha    varchar(64),
    format        varchar(30)   not null,
    inputs        text          not null,
    input_key     varchar(2000) not null,
    state         varchar(20)   not null,
    percent       integer       not null default 0,
    step          varchar(500),
    message       text,
    requested_by  varchar(100)  not null,
    created_at    timestamptz   not null,
    started_at    timestamptz,
    finished_at   timestamptz,
    file_name     varchar(500),
    sha256        varchar(64),
    size_bytes    bigint
);

create index export_job_created on export_job (created_at desc);

-- The same export never runs twice at once, even with several app instances.
create unique index export_job_one_active on export_job (input_key)
    where state in ('QUEUED', 'RUNNING');

-- The exported bytes, apart from the row so that listing exports never loads them.
create table export_file (
    export_id bigint primary key references export_job (id) on delete cascade,
    content   bytea  not null
);

-- Release-readiness gates (the YAML of the gate file), edited by ADMIN, with history.
create table readiness_gates (
    id         bigserial primary key,
    name       varchar(100) not null unique,
    text       text         not null,
    updated_at timestamptz  not null
);

create table readiness_gates_aud (
    id         bigint  not null,
    rev        integer not null references revinfo (rev),
    revtype    smallint,
    name       varchar(100),
    text       text,
    updated_at timestamptz,
    primary key (id, rev)
);
