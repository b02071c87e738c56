-- The shipped gate file gained 'uncovered-requirements-max: 0' (a release that `fusa trace` fails is not READY). A
-- gate file stored exactly as it was shipped before (same MD5 as that text) gets the new gate too, recorded in its
-- history as a revision by 'migration V11'; a gate file an ADMIN edited is theirs and stays as it is.
with changed as (
    update readiness_gates
        set text = replace(text, E'  trace-defects-max: 0\n', E'  trace-defects-max: 0\n  uncovered-requirements-max: 0\n'),
            updated_at = now()
        where md5(text) = 'd81a51f9b7da21637b9b2f7db8d317cf'
        returning id, name, text, updated_at),
     revision as (
         insert into revinfo (revtstmp, username)
             select (extract(epoch from now()) * 1000)::bigint, 'migration V11'
             where exists (select 1 from changed)
             returning rev)
insert into readiness_gates_aud (id, rev, revtype, name, text, updated_at)
select c.id, r.rev, 1, c.name, c.text, c.updated_at
from changed c, revision r;
