-- Every requirement belongs to one repository. Imported ones already did, through their snapshot; authored ones
-- (web form, spreadsheet) used to have no owner and so joined the trace of every repository's snapshots: a
-- requirement written for one product appeared, uncovered, in another's evidence.
alter table requirement add column repository_id bigint references source_repository (id) on delete cascade;
alter table requirement_aud add column repository_id bigint;

update requirement r set repository_id = s.repository_id from snapshot s where r.snapshot_id = s.id;
-- authored names were unique across repositories; from now on per repository
drop index requirement_authored_unique;

-- Authored requirements stored before this migration cannot say which repository they were written for: each
-- is kept for every registered repository (a copy per repository beyond the first, with the same content), so no
-- repository loses one it traced before. With a single repository, as most installations have, nothing is copied.
insert into requirement (snapshot_id, origin, position, item_type, name, revision, title, description, rationale,
                         comment, status, covers, depends, needs, tags, forwards, file_path, line, created_by,
                         created_at, updated_at, repository_id)
select null, r.origin, r.position, r.item_type, r.name, r.revision, r.title, r.description, r.rationale, r.comment,
       r.status, r.covers, r.depends, r.needs, r.tags, r.forwards, r.file_path, r.line, r.created_by, r.created_at,
       r.updated_at, sr.id
from requirement r
         cross join source_repository sr
where r.snapshot_id is null
  and sr.id <> (select min(id) from source_repository);
update requirement set repository_id = (select min(id) from source_repository)
where snapshot_id is null and repository_id is null;
-- authored requirements with no repository at all to belong to (none registered) cannot be traced anywhere
delete from requirement where repository_id is null;

alter table requirement alter column repository_id set not null;
create unique index requirement_authored_unique on requirement (repository_id, item_type, name)
    where snapshot_id is null;
create index requirement_repository on requirement (repository_id) where snapshot_id is null;
