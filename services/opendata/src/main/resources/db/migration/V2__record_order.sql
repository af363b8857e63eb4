-- Record packages are listed by their newest release (issue 15): a process's place is the publication
-- number of its latest release, kept with it, so a page of records is an index range, not a sort.
alter table contracting_process add column last_release_seq bigint;

update contracting_process p set last_release_seq = r.sequence_no
from ocds_release r where r.release_id = p.last_release_id;

create index contracting_process_record_order on contracting_process (last_release_seq) where compiled_release is not null;
