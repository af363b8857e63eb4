-- The first award makes the bids public (BidSeal); a declined award takes the request back to
-- evaluation but does not seal them again: open data and integrity published them with the award.
alter table service_request add column disclosed_at timestamptz;
update service_request set disclosed_at = decided_at where status = 'AWARDED';
-- Requests whose award was declined were awarded before, whatever they are now.
update service_request r set disclosed_at = d.declined_at
from (select request_id, min(award_declined_at) as declined_at from bid where status = 'DECLINED_AWARD' group by request_id) d
where d.request_id = r.id and r.disclosed_at is null;
