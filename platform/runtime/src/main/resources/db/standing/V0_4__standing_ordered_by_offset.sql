-- Which event a standing row reflects, by its place on aqlli.catalog.organizations: records are
-- keyed by organization, so one organization's events are in one partition in the order catalog
-- wrote them, and a later offset is a later fact. The sender's clock (as_of) only informs: an
-- event dated in the future must not freeze a status.
alter table organization_standing add column source_partition integer;
alter table organization_standing add column source_offset bigint;
comment on column organization_standing.as_of is 'when catalog says the change happened (information only; order is by source_offset)';
