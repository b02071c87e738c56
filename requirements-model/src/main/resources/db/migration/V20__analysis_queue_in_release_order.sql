-- Queued analysis results are computed newest release first, across configurations (AnalysisResults.QueueOrder: the
-- newest release of a repository highest, each older one a step lower; its job is due earlier the higher it is).
-- Each row keeps the priority it was queued with so that a page can tell a result's place in line in the order the
-- workers take them. (V17-V19 are taken by work on other branches.)
alter table analysis_result add column priority integer not null default 0;

create index analysis_result_queue on analysis_result (priority desc, queued_at, id) where state = 'QUEUED';
