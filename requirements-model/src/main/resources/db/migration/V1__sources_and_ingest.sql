-- Users, registered repositories, snapshots, the blob-count cache and ingest jobs.
create table app_user (
    id            bigserial primary key,
    username      varchar(100) not null unique,
    password_hash varchar(100) not null,
    role          varchar(20)  not null,
    enabled       boolean      not null default true,
    created_at    timestamptz  not null
);

create table revinfo (
    rev      serial primary key,
    revtstmp bigint not null,
    username varchar(100)
);

create table source_repository (
    id         bigserial primary key,
    name       varchar(200)  not null unique,
    location   varchar(2000) not null,
    kind       varchar(10)   not null,
    git_dir    varchar(2000) not null,
    created_at timestamptz   not null,
    created_by varchar(100)  not null
);

create table source_repository_aud (
    id         bigint  not null,
    rev        integer not null references revinfo (rev),
    revtype    smallint,
    name       varchar(200),
    location   varchar(2000),
    kind       varchar(10),
    git_dir    varchar(2000),
    created_at timestamptz,
    created_by varchar(100),
    primary key (id, rev)
);

-- Line counts by content: a blob is counted once ever for a given file name (cloc decides the
-- language from the name and the content, so the name is part of the key).
create table blob_count (
    blob_id         varchar(40)     not null,
    file_name       varchar(500) not null,
    counter_version integer      not null,
    language        varchar(60)  not null,
    blank           integer      not null,
    comment         integer      not null,
    code            integer      not null,
    ignored_reason  varchar(200) not null,
    size_bytes      bigint       not null,
    primary key (blob_id, file_name)
);

create table snapshot (
    id              bigserial primary key,
    repository_id   bigint        not null references source_repository (id) on delete cascade,
    ref_name        varchar(500)  not null,
    commit_sha      varchar(40)      not null,
    commit_time     timestamptz   not null,
    commit_subject  varchar(1000),
    file_count      integer       not null,
    ingested_at     timestamptz   not null,
    counter_version integer       not null,
    unique (repository_id, ref_name, commit_sha)
);

create table snapshot_file (
    snapshot_id bigint        not null references snapshot (id) on delete cascade,
    path        varchar(4000) not null,
    blob_id     varchar(40)      not null,
    primary key (snapshot_id, path)
);

create table ingest_job (
    id               bigserial primary key,
    repository_id    bigint       not null references source_repository (id) on delete cascade,
    mode             varchar(20)  not null,
    ref_spec         varchar(500) not null,
    state            varchar(20)  not null,
    refs_total       integer      not null default 0,
    refs_done        integer      not null default 0,
    files_total      integer      not null default 0,
    files_done       integer      not null default 0,
    files_counted    integer      not null default 0,
    files_per_second double precision not null default 0,
    current_ref      varchar(500),
    message          text,
    cancel_requested boolean      not null default false,
    requested_by     varchar(100),
    created_at       timestamptz  not null,
    started_at       timestamptz,
    finished_at      timestamptz
);

-- The database, not the application, guarantees that the same request never runs twice at once,
-- even with several app instances.
create unique index ingest_job_one_active on ingest_job (repository_id, mode, ref_spec)
    where state in ('QUEUED', 'RUNNING');

-- db-scheduler's table (the job queue shared by all app instances).
create table scheduled_tasks (
    task_name            text        not null,
    task_instance        text        not null,
    task_data            bytea,
    execution_time       timestamptz not null,
    picked               boolean     not null,
    picked_by            text,
    last_success         timestamptz,
    last_failure         timestamptz,
    consecutive_failures integer,
    last_heartbeat       timestamptz,
    version              bigint      not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index execution_time_idx on scheduled_tasks (execution_time);
create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);
