-- The trace policy of a repository (issue 12): the YAML text an ADMIN stored, its name and SHA-256 as the
-- evidence names it, who stored it and when. No row: the repository follows the shipped 'oft' policy
-- (OpenFastTrace's rules). Envers keeps every version.
create table trace_policy (
    id            bigserial primary key,
    repository_id bigint       not null unique references source_repository (id) on delete cascade,
    name          varchar(100) not null,
    text          text         not null,
    sha256        varchar(64)  not null,
    author        varchar(100) not null,
    updated_at    timestamptz  not null
);

create table trace_policy_aud (
    id            bigint  not null,
    rev           integer not null references revinfo (rev),
    revtype       smallint,
    repository_id bigint,
    name          varchar(100),
    text          text,
    sha256        varchar(64),
    author        varchar(100),
    updated_at    timestamptz,
    primary key (id, rev)
);
