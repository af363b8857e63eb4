-- Contracts completed or terminated (service/MilestonesDue): nothing is left to deliver, so no
-- "due in 3 days" reminder and no overdue notice goes out for them any more.
create table ended_contract (
    contract_id uuid primary key
);
