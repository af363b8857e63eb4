-- Contracts' milestones as planned, for the "due in 3 days" sweep (service/MilestonesDue): every
-- proposed plan version's milestones, the version both parties signed, and whether each was
-- delivered (then nobody needs reminding) or already reminded of.
create table contract_milestone (
    contract_id  uuid not null,
    plan_version int not null,
    number       int not null,
    due_date     date not null,
    primary key (contract_id, plan_version, number)
);
create table signed_contract (
    contract_id  uuid primary key,
    request_id   uuid,
    supplier_id  uuid not null,
    plan_version int not null
);
create table milestone_done (
    contract_id uuid not null,
    number      int not null,
    reminded    boolean not null default false,
    delivered   boolean not null default false,
    primary key (contract_id, number)
);
