-- Members the directory removed (MemberLeft): their recipient row goes, and a token issued before
-- the removal, still valid a few minutes, does not make them a recipient again (Projections.saw).
create table departed_member (
    user_id         text primary key,
    organization_id uuid not null
);
