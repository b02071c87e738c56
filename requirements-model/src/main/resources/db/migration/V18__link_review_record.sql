-- A link's review record: when it was reviewed and the reviewer's comment (required when reviewing in the web app),
-- next to the reviewer and the function's content hash at review, which trace_link already keeps. Both tables: the
-- link is audited by Envers, so its history shows every review.
alter table trace_link add column reviewed_at timestamptz;
alter table trace_link add column review_comment varchar(2000);
alter table trace_link_aud add column reviewed_at timestamptz;
alter table trace_link_aud add column review_comment varchar(2000);
