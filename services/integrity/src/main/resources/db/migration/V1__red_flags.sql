-- What integrity knows of the market, copied from the events it watches (never read from another
-- service), and the red flags it raised from them.

-- The directory's organizations: the region (whose administration reviews a buyer's flags) and the
-- contacts R044 compares, normalised as compared.
create table watched_organization (
    id            uuid primary key,
    region_code   varchar(4) not null,
    phone         text,
    email         text,
    address       text
);

-- Each service request: its terms, then its outcome. Bid prices and bidders are in tender_bid from
-- the reveal on, but nothing reads them before status is AWARDED (the seal).
create table watched_request (
    id                 uuid primary key,
    buyer_id           uuid not null,
    category           varchar(40) not null,
    regions            text not null,
    criterion          varchar(30) not null,
    published_at       timestamptz not null,
    deadline           timestamptz not null,
    published_event_id text not null,
    status             varchar(20) not null,
    revealed_event_id  text,
    awarded_bid_id     uuid,
    awarded_provider_id uuid,
    awarded_price_uzs  numeric(18, 2),
    budget_uzs         numeric(18, 2),
    lowest_price       boolean,
    bid_count          integer,
    award_reason       text,
    awarded_at         timestamptz,
    award_event_id     text
);
create index watched_request_category on watched_request (category, status);
create index watched_request_buyer on watched_request (buyer_id, awarded_provider_id, status);

create table tender_bid (
    request_id   uuid not null references watched_request (id),
    bid_id       uuid not null,
    provider_id  uuid not null,
    price_uzs    numeric(18, 2) not null,
    -- Its supplier refused to sign the contract of its award: out of the tender from then on.
    declined     boolean not null default false,
    primary key (request_id, bid_id)
);
create index tender_bid_provider on tender_bid (provider_id);

-- Each contract as its events tell it: value, parties, plan in force, amendments, payments.
create table watched_contract (
    id                  uuid primary key,
    request_id          uuid,
    buyer_id            uuid not null,
    supplier_id         uuid not null,
    region_code         varchar(4) not null,
    status              varchar(20) not null,
    awarded_uzs         numeric(18, 2) not null,
    value_in_force_uzs  numeric(18, 2) not null,
    signed_last_due     date,
    last_due            date,
    due_dates           jsonb not null default '{}'::jsonb,
    amendments          integer not null default 0,
    amendment_event_ids text not null default ''
);

create table red_flag (
    id               uuid primary key,
    code             varchar(30) not null,
    -- What the flag is about, one per code while it stands (request, contract, provider in a
    -- category, buyer and provider pair, milestone): a re-evaluation finds it again by this.
    subject          text not null,
    status           varchar(20) not null,
    region_code      varchar(4) not null,
    request_id       uuid,
    contract_id      uuid,
    buyer_id         uuid,
    organization_ids uuid[] not null,
    evidence_event_ids text[] not null,
    evidence_values  jsonb not null,
    raised_at        timestamptz not null,
    retracted_at     timestamptz,
    retraction       text,
    review_note      text,
    reviewed_by      text,
    reviewed_at      timestamptz,
    decision_note    text,
    decided_by       text,
    decided_at       timestamptz,
    version          bigint not null default 0
);
-- One standing flag per code and subject; retracted ones stay beside it as history.
create unique index red_flag_standing on red_flag (code, subject) where status <> 'RETRACTED';
create index red_flag_region on red_flag (region_code, raised_at);
create index red_flag_organizations on red_flag using gin (organization_ids);
