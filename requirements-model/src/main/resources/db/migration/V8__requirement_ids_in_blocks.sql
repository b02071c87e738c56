-- Requirement ids are taken 50 at a time (Hibernate's pooled optimizer), so that a spreadsheet import
-- writes its rows in JDBC batches instead of one round trip a row. Ids stay unique: the column's default
-- and Hibernate draw from the same sequence.
alter sequence requirement_id_seq increment by 50;
