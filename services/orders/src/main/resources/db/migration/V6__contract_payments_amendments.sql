-- Contracts after signing (issue 13), continued: payments recorded against milestones, amendments
-- (proposed, answered, their milestone changes kept), completion and termination.
alter table contract
    add column amended_value_uzs       numeric(18,2) check (amended_value_uzs > 0),
    add column completed_at            timestamptz,
    add column termination_kind        text check (termination_kind in ('BY_AGREEMENT', 'BY_ONE_PARTY')),
    add column termination_side        text check (termination_side in ('BUYER', 'SUPPLIER')),
    add column termination_by          text,
    add column termination_reason      text,
    add column termination_paid_uzs    numeric(18,2) check (termination_paid_uzs >= 0),
    add column termination_proposed_at timestamptz,
    add column terminated_at           timestamptz,
    add constraint contract_completed_check check ((status = 'COMPLETED') = (completed_at is not null)),
    add constraint contract_terminated_check check ((status = 'TERMINATED') = (terminated_at is not null));

-- An amendment may change a milestone's amount: what was accepted is bounded by the amount in force.
alter table contract_milestone
    add column amended_amount_uzs numeric(18,2) check (amended_amount_uzs > 0),
    add column amended_due_date   date,
    drop constraint contract_milestone_check1,
    add constraint contract_milestone_accepted_within
        check (accepted_amount_uzs is null or accepted_amount_uzs <= coalesce(amended_amount_uzs, amount_uzs));

create table contract_payment (
    contract_id      uuid          not null references contract (id),
    position         integer       not null,
    milestone_number integer       not null,
    amount_uzs       numeric(18,2) not null check (amount_uzs > 0),
    paid_on          date          not null,
    recorded_by      text          not null,
    recorded_at      timestamptz   not null,
    primary key (contract_id, position)
);

create table contract_amendment (
    contract_id       uuid          not null references contract (id),
    position          integer       not null,
    number            integer       not null,
    proposed_by_side  text          not null check (proposed_by_side in ('BUYER', 'SUPPLIER')),
    proposed_by       text          not null,
    proposed_at       timestamptz   not null,
    rationale         text          not null check (rationale in ('VOLUME_CUTS', 'ITEM_PRICE_VARIATION', 'QUALITY_IMPROVEMENT',
                                                  'DURATION_EXTENSION', 'PRICE_REDUCTION', 'TAX_RATE', 'THIRD_PARTY')),
    description       text          not null,
    new_value_uzs     numeric(18,2) check (new_value_uzs > 0),
    previous_value_uzs numeric(18,2) not null,
    status            text          not null check (status in ('PROPOSED', 'ACCEPTED', 'DECLINED')),
    answered_by       text,
    answered_at       timestamptz,
    primary key (contract_id, position),
    unique (contract_id, number)
);

create table contract_amendment_milestone (
    contract_id      uuid          not null references contract (id),
    position         integer       not null,
    amendment_number integer       not null,
    milestone_number integer       not null,
    amount_uzs       numeric(18,2) check (amount_uzs > 0),
    due_date         date,
    primary key (contract_id, position)
);

-- The sweeps' lookups: deliveries awaiting an answer, and what is scheduled and not yet overdue.
create index contract_milestone_delivered on contract_milestone (delivered_at) where status = 'DELIVERED';
create index contract_milestone_due on contract_milestone ((coalesce(amended_due_date, due_date))) where status = 'SCHEDULED' and overdue_at is null;
-- The administration's view by region (either party's region; orders' copy of the directory has it).
create index contract_created on contract (created_at desc, id);
