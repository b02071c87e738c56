-- Ingests fanned out into one task per ref (issue 18): any instance's workers run the tasks of one job at the same
-- time; the job's progress is the sum of its tasks, and the job ends when its last task ends.

-- One ref of an ingest job: its commit (resolved once, when the job was planned), its state and its own progress.
create table ingest_task (
    id            bigserial primary key,
    job_id        bigint       not null references ingest_job (id) on delete cascade,
    ordinal       integer      not null,
    ref_name      varchar(500) not null,
    commit_sha    varchar(40)  not null,
    state         varchar(20)  not null,
    files_total   integer      not null default 0,
    files_done    integer      not null default 0,
    files_counted integer      not null default 0,
    files_seen    integer      not null default 0,
    -- how the ref ended: NEW (a snapshot stored), REUSED (its commit was stored already), RECOUNTED (older rules)
    outcome       varchar(20),
    -- the name of the snapshot the ref's commit was already stored under, when not its own
    reused_as     varchar(500),
    message       text,
    instance_id   varchar(200),
    takeovers     integer      not null default 0,
    started_at    timestamptz,
    finished_at   timestamptz,
    unique (job_id, ref_name)
);
create index ingest_task_open on ingest_task (job_id) where state in ('QUEUED', 'RUNNING');

-- How many of a job's tasks run at this moment (its progress bar adds their part done).
alter table ingest_job add column refs_running integer not null default 0;

-- Blobs being counted: a task claims the blobs it is about to count, so that tasks on several instances never count
-- one content twice. A claim is leased: one whose worker died (lease passed, count not stored) is claimed again by
-- the next task that needs it. When the count is stored the claim is marked done in the same transaction (lease
-- 'infinity'): a claim asked for while that count commits then finds it done instead of winning the key again.
create table blob_claim (
    blob_id         varchar(40)  not null,
    file_name       varchar(500) not null,
    counter_version integer      not null,
    claimed_by      varchar(300) not null,
    lease_until     timestamptz  not null,
    primary key (blob_id, file_name, counter_version)
);
