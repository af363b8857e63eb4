-- One manager per organization (issue 11). Two handovers that ran at the same time could both
-- commit and leave two managers: members had no version to make the second one fail, and nothing
-- in the database said that one manager is all an organization has.

alter table member add column version bigint not null default 0;

-- Where such a race already happened, the manager longest in the role keeps it (by when they were
-- added, then by id, so that the choice is the same on every run); the others become members.
update member m set role = 'MEMBER'
where m.role = 'MANAGER'
  and exists (select 1 from member o
              where o.organization_id = m.organization_id and o.role = 'MANAGER'
                and (o.added_at, o.user_id) < (m.added_at, m.user_id));

create unique index member_one_manager on member (organization_id) where role = 'MANAGER';
