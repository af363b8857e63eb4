-- Contracts from tender awards (issue 13): made by RequestAwarded alone, then a versioned milestone
-- plan and both parties' signatures.
create table contract (
    id                  uuid primary key,
    request_id          uuid          not null,
    bid_id              uuid          not null,
    buyer_id            uuid          not null,
    supplier_id         uuid          not null,
    category            text,
    title               jsonb,
    regions             text[]        not null,
    duration_days       integer       not null,
    value_uzs           numeric(18,2) not null check (value_uzs > 0),
    currency            text          not null,
    status              text          not null check (status in ('PENDING', 'ACTIVE', 'CANCELLED')),
    awarded_at          timestamptz   not null,
    created_at          timestamptz   not null,
    buyer_signed_by     text,
    buyer_signed_at     timestamptz,
    supplier_signed_by  text,
    supplier_signed_at  timestamptz,
    signed_plan_version integer,
    date_signed         timestamptz,
    refused_by          text check (refused_by in ('BUYER', 'SUPPLIER')),
    refused_by_user     text,
    refusal_reason      text,
    refused_at          timestamptz,
    version             bigint        not null,
    -- One award, one contract, however often (and under whichever event id) it is delivered.
    constraint contract_one_per_award unique (bid_id),
    check ((status = 'ACTIVE') = (date_signed is not null))
);
-- A request has at most one living contract; after a refusal the next award may make another.
create unique index contract_one_living_per_request on contract (request_id) where status <> 'CANCELLED';
create index contract_buyer on contract (buyer_id, created_at desc);
create index contract_supplier on contract (supplier_id, created_at desc);

create table contract_plan (
    contract_id  uuid        not null references contract (id),
    position     integer     not null,
    plan_version integer     not null,
    status       text        not null check (status in ('PROPOSED', 'CHANGES_REQUESTED', 'AGREED', 'SUPERSEDED')),
    proposed_by  text        not null,
    proposed_at  timestamptz not null,
    answered_by  text,
    answered_at  timestamptz,
    change_note  text,
    primary key (contract_id, position),
    unique (contract_id, plan_version)
);

create table contract_milestone (
    contract_id  uuid          not null references contract (id),
    position     integer       not null,
    plan_version integer       not null,
    number       integer       not null,
    title        text          not null,
    type         text          not null check (type in ('DELIVERY', 'PAYMENT')),
    amount_uzs   numeric(18,2) not null check (amount_uzs > 0),
    due_date     date          not null,
    primary key (contract_id, position),
    unique (contract_id, plan_version, number)
);
