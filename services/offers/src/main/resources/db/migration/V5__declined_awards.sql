-- A supplier that refuses to sign the contract of its award declines it (orders'
-- ContractSigningRefused): the request goes back to the buyer's evaluation, and the bid is out of
-- any later award.
alter table bid drop constraint bid_status_check;
alter table bid add constraint bid_status_check check (status in ('ACTIVE', 'WITHDRAWN', 'DECLINED_AWARD'));
alter table bid add column award_declined_at timestamptz;
alter table bid add constraint bid_declined_when check ((status = 'DECLINED_AWARD') = (award_declined_at is not null));
