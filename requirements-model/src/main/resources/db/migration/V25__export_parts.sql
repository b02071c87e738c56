-- Exports that run as jobs fanned out into one part per configuration and board (issue 18): any instance's workers
-- compute the parts' reports at the same time; the export's progress is the sum of its parts and its assembly, and
-- the part that ends last queues the assembly (or fails the export, naming the part) under a lock on the export's row.

-- One configuration or board of an export: its key in the export's inputs ('configuration 12', 'board rcar'), its
-- state, the instance that ran it and, once done, its ConfigurationReport (Jackson JSON, gzip), which the assembly
-- reads instead of computing it again.
create table export_part (
    id           bigserial primary key,
    export_id    bigint       not null references export_job (id) on delete cascade,
    ordinal      integer      not null,
    part_key     text         not null,
    title        text         not null,
    state        varchar(20)  not null,
    instance_id  varchar(200),
    takeovers    integer      not null default 0,
    message      text,
    started_at   timestamptz,
    finished_at  timestamptz,
    result       bytea,
    result_bytes bigint,
    unique (export_id, part_key)
);
create index export_part_open on export_part (export_id) where state in ('QUEUED', 'RUNNING');

-- When the part that ended last queued the export's assembly (set once, under the lock on the row), and when the
-- assembly (last) began; it ends at the export's finished_at.
alter table export_job add column assembly_queued_at timestamptz;
alter table export_job add column assembly_started_at timestamptz;
