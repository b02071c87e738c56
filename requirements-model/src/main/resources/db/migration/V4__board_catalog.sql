-- The table of ARM boards and what builds each port, editable by ADMIN, with history.
create table board_catalog (
    id         bigserial primary key,
    name       varchar(100) not null unique,
    text       text         not null,
    updated_at timestamptz  not null
);

create table board_catalog_aud (
    id         bigint  not null,
    rev        integer not null references revinfo (rev),
    revtype    smallint,
    name       varchar(100),
    text       text,
    updated_at timestamptz,
    primary key (id, rev)
);
