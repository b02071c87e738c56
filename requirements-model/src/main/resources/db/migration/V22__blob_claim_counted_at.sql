-- A done claim (lease 'infinity') is needed only while a claim that started before its count committed may still
-- be running; afterwards the stored count alone keeps the blob from being counted again. The time a claim was done
-- lets a recurring task delete the claims that are no longer needed (about 32,000 for all of Xen's tags).
-- Claims done before this column existed have none and count as old.
alter table blob_claim add column counted_at timestamptz;
