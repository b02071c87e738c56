-- Several instances on one database (issue 18), continued.

-- A repository registered by URL is cloned by each instance into its own cache (<fusa.data-dir>/repo-cache/by-id/<id>.git,
-- web.ingest.RepositoryStorage) from the URL stored here: the database no longer keeps the registering instance's
-- folder, which no other host can read. A local repository keeps its path (the same on every instance: a shared
-- volume). A clone made under the old layout (repo-cache/<name>.git) is moved into place by the instance that has it.
alter table source_repository alter column git_dir drop not null;
update source_repository set git_dir = null where kind = 'URL';

-- A clone or an export whose worker died (or whose instance stopped) is taken over by another worker, at most twice
-- (as an ingest, ingest_job.takeovers).
alter table source_repository add column clone_takeovers integer not null default 0;
alter table export_job add column takeovers integer not null default 0;
