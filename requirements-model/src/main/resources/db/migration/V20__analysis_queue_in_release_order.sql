-- Queued analysis results are computed newest release first, across configurations: each analysis job takes the
-- queued row first in (priority desc, queued_at, id) order (AnalysisResults.QueueOrder: the newest release of a
-- repository highest, each older one a step lower), whatever order configurations were tracked in; a page's "place
-- in line" is the same order. The row records which job took it (worker), so that a job whose instance died fails
-- the row it was computing. (V17-V19 are taken by work on other branches.)
alter table analysis_result add column priority integer not null default 0;
alter table analysis_result add column worker varchar(300);

create index analysis_result_queue on analysis_result (priority desc, queued_at, id) where state = 'QUEUED';
