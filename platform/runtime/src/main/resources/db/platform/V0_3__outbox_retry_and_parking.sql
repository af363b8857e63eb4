-- A row whose send failed waits until next_attempt_at (back-off), and the later rows of its
-- aggregate wait behind it so that they never overtake it. After the relay's last attempt the row
-- is parked: it stays unsent, visible to operators (health, metric, the admin listing), and its
-- aggregate's later rows stay behind it until an operator releases it; every other aggregate moves on.
alter table outbox_event add column next_attempt_at timestamptz;
alter table outbox_event add column parked_at timestamptz;

-- "Is there an earlier unsent row of this aggregate?" for every row the relay considers.
create index outbox_event_unsent_by_aggregate on outbox_event (aggregate_type, aggregate_id, sequence_no)
    where published_at is null;

-- Operators' view of what is parked.
create index outbox_event_parked on outbox_event (parked_at) where parked_at is not null;
