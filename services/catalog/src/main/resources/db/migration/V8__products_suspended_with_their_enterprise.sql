-- A suspended enterprise's listed products leave the public list and come back on reinstatement
-- (issue 11). They move to SUSPENDED in the transaction of the suspension: every search index is
-- partial on status = 'PUBLISHED', so the search skips them without a join to the directory and
-- without one statement of ProductFinder changing.

alter table product drop constraint product_status_check;
alter table product add constraint product_status_check
    check (status in ('DRAFT', 'PUBLISHED', 'SUSPENDED', 'WITHDRAWN'));

-- Enterprises suspended before this migration.
update product p set status = 'SUSPENDED', version = p.version + 1
from organization o
where o.id = p.enterprise_id and o.status = 'SUSPENDED' and p.status = 'PUBLISHED';
