-- API tokens for the REST API (CI jobs): random, so a SHA-256 of each is enough to find it and is all that is kept;
-- the token itself is shown once, when it is made. Deleting a row revokes the token; a user's tokens go with the user.
create table api_token (
    id           bigserial    primary key,
    user_id      bigint       not null references app_user(id) on delete cascade,
    name         varchar(100) not null,
    token_hash   varchar(64)  not null unique,
    hint         varchar(16)  not null,
    created_at   timestamptz  not null,
    last_used_at timestamptz
);
create index api_token_user on api_token(user_id);
