-- Several instances on one database (issue 18).

-- Other names of a snapshot: one snapshot per commit and repository, whatever ref spelling asked for it; the snapshot
-- keeps the name of the first, each other spelling that reached the same commit (a tag and its commit id, REF X and
-- TAGS X at the same moment) is kept here so that the snapshot is found by that name too.
create table snapshot_alias (
    snapshot_id bigint       not null references snapshot (id) on delete cascade,
    ref_name    varchar(500) not null,
    primary key (snapshot_id, ref_name)
);
create index snapshot_alias_name on snapshot_alias (ref_name);

-- Which instance of the platform ran a job (fusa.instance-id, by default host name and port; db-scheduler's
-- picked_by carries the same name).
alter table ingest_job add column instance_id varchar(200);
alter table export_job add column instance_id varchar(200);

-- Browser sessions, shared by every instance (Spring Session JDBC's own schema for PostgreSQL, made by Flyway rather
-- than by Spring Session at start).
create table spring_session (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references spring_session (primary_id) on delete cascade
);

-- Failed logins, counted for every instance at once (web.security.LoginThrottle): one row per account and address,
-- per address and per account, forgotten an hour after its last failure.
create table login_failure (
    throttle_key varchar(700) not null primary key,
    failures     integer      not null,
    locked_until timestamptz  not null,
    last_failure timestamptz  not null
);
create index login_failure_last on login_failure (last_failure);

-- How many times another instance took an ingest over after the instance running it stopped (failover; bounded, so
-- that a job that kills its worker every time ends FAILED instead of going round the instances for ever).
alter table ingest_job add column takeovers integer not null default 0;
