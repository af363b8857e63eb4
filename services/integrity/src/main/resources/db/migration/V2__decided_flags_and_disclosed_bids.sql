-- A decided flag (CONFIRMED/DISMISSED) is never changed by a re-evaluation: what a later event
-- finds (other evidence, or none) is recorded beside it, the decision and its evidence untouched.
alter table red_flag add column after_decision jsonb;

-- The first award made the request's bids public; a declined award does not seal them again
-- (offers' BidSeal), so R028/R044 keep resting on that award, and the award's own flags wait for
-- the request's next outcome.
alter table watched_request add column disclosed_at timestamptz;
alter table watched_request add column disclosed_event_id text;
update watched_request set disclosed_at = awarded_at, disclosed_event_id = award_event_id where status = 'AWARDED';
update watched_request r set disclosed_at = now()
where r.disclosed_at is null and exists (select 1 from tender_bid b where b.request_id = r.id and b.declined);
