-- Why an event is kept raw (known = false): a type or topic this build does not know, or a known
-- type whose data does not fit its record. Null for the known ones. Adding a column fires no row
-- trigger, so raw_event stays append-only.
alter table raw_event add column raw_reason text;
