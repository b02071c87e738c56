-- Named Kconfig configurations, reusable across snapshots, with their history (Envers).
create table saved_configuration (
    id             bigserial primary key,
    name           varchar(200) not null unique,
    repository_id  bigint       not null references source_repository (id) on delete cascade,
    ref_name       varchar(500) not null,
    arch           varchar(20)  not null,
    start_kind     varchar(20)  not null,
    start_value    text         not null default '',
    overrides      text         not null default '',
    toolchain      varchar(100) not null default '',
    description    text         not null default '',
    created_by     varchar(100) not null,
    created_at     timestamptz  not null,
    updated_at     timestamptz  not null
);

create table saved_configuration_aud (
    id            bigint  not null,
    rev           integer not null references revinfo (rev),
    revtype       smallint,
    name          varchar(200),
    repository_id bigint,
    ref_name      varchar(500),
    arch          varchar(20),
    start_kind    varchar(20),
    start_value   text,
    overrides     text,
    toolchain     varchar(100),
    description   text,
    created_by    varchar(100),
    created_at    timestamptz,
    updated_at    timestamptz,
    primary key (id, rev)
);
