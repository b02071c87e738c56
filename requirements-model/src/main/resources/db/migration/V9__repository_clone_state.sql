-- A URL is cloned by a background job, not in the request that registers it: the repository shows
-- whether its clone is under way (with its progress), done, or failed (with the reason).
alter table source_repository add column clone_state varchar(20) not null default 'READY';
alter table source_repository add column clone_percent integer not null default 0;
alter table source_repository add column clone_message text;
