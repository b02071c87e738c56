-- Which configurations the FuSa SIG tracks (chosen by ADMIN; audited with the configuration's other fields), shown
-- on the dashboard with their results computed in the background.
alter table saved_configuration add column tracked boolean not null default false;
alter table saved_configuration_aud add column tracked boolean;

-- Analysis results computed once by a background job and read by the pages: one row per snapshot, configuration,
-- kind (SLOC, TRACE, READINESS) and analysis engine version. The unique key lets any number of app instances queue
-- the same result (insert ... on conflict do nothing) without storing it twice. A row of another engine version is
-- never shown as current; input_key names the inputs besides the engine (the configuration's text, the effort model,
-- the requirements and links, the gate file): a row whose inputs changed is computed again.
create table analysis_result (
    id               bigserial    primary key,
    snapshot_id      bigint       not null references snapshot (id) on delete cascade,
    configuration_id bigint       not null references saved_configuration (id) on delete cascade,
    kind             varchar(20)  not null,
    engine_version   varchar(200) not null,
    input_key        varchar(500) not null default '',
    state            varchar(20)  not null,
    step             varchar(500),
    failure          text,
    queued_at        timestamptz  not null,
    started_at       timestamptz,
    computed_at      timestamptz,
    result           jsonb,
    constraint analysis_result_key unique (snapshot_id, configuration_id, kind, engine_version)
);

create index analysis_result_state on analysis_result (state) where state in ('QUEUED', 'RUNNING');
