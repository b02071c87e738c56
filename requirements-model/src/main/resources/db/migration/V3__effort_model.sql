-- The effort model ADMIN edits: hours per SLOC per DO-178C level (B and D may be left to
-- interpolation), the ASIL crosswalk, hours per person-year and the SLOC figure it applies to.
create table effort_model (
    id                    bigserial primary key,
    name                  varchar(100)     not null unique,
    dal_a                 double precision not null,
    dal_b                 double precision,
    dal_c                 double precision not null,
    dal_d                 double precision,
    dal_e                 double precision not null,
    asil_a                varchar(10)      not null,
    asil_b                varchar(10)      not null,
    asil_c                varchar(10)      not null,
    asil_d                varchar(10)      not null,
    hours_per_person_year double precision not null,
    figure                varchar(20)      not null,
    source                text             not null,
    updated_at            timestamptz      not null
);

create table effort_model_aud (
    id                    bigint  not null,
    rev                   integer not null references revinfo (rev),
    revtype               smallint,
    name                  varchar(100),
    dal_a                 double precision,
    dal_b                 double precision,
    dal_c                 double precision,
    dal_d                 double precision,
    dal_e                 double precision,
    asil_a                varchar(10),
    asil_b                varchar(10),
    asil_c                varchar(10),
    asil_d                varchar(10),
    hours_per_person_year double precision,
    figure                varchar(20),
    source                text,
    updated_at            timestamptz,
    primary key (id, rev)
);
