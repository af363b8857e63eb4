-- The outbox now takes an event's aggregate type from its topic ('organization'); catalog used to
-- file organizations as 'Organization'. Events still waiting under the old name would be ordered
-- apart from new ones of the same organization, so they take the new name with this release.
update outbox_event set aggregate_type = 'organization' where aggregate_type = 'Organization';
