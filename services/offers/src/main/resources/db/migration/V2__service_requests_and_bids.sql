-- Enterprises' requests for digital services (tenders), their public questions, and sealed bids.
create table service_request (
    id              uuid          primary key,
    buyer_id        uuid          not null,
    status          text          not null check (status in ('OPEN', 'EVALUATION', 'AWARDED', 'UNSUCCESSFUL', 'CANCELLED')),
    category        text          not null,
    title           jsonb         not null,
    description     jsonb         not null,
    regions         varchar(4)[]  not null,
    budget_uzs      numeric(18,2) check (budget_uzs > 0),
    -- a private budget is shown to the buyer only, and never leaves in an event
    budget_public   boolean       not null,
    deadline        timestamptz   not null,
    criterion       text          not null check (criterion in ('LOWEST_PRICE', 'PRICE_AND_QUALITY')),
    price_weight    integer       not null check (price_weight between 0 and 100),
    quality_weight  integer       not null check (quality_weight between 0 and 100),
    published_at    timestamptz   not null,
    -- when the deadline was acted on: bids revealed to the buyer, or no bids and unsuccessful
    closed_at       timestamptz,
    awarded_bid_id  uuid,
    outcome_reason  text,
    decided_at      timestamptz,
    version         bigint        not null,
    check (price_weight + quality_weight = 100)
);

-- The deadline sweep only ever looks at open requests.
create index service_request_due on service_request (deadline) where status = 'OPEN';
create index service_request_board on service_request (published_at desc);
create index service_request_buyer on service_request (buyer_id, published_at desc);

create table request_question (
    id           uuid        primary key,
    request_id   uuid        not null references service_request (id),
    -- who asked is kept for the record but never shown: questions are public and anonymous
    asked_by     uuid        not null,
    question     text        not null,
    answer       text,
    asked_at     timestamptz not null,
    answered_at  timestamptz
);

create index request_question_request on request_question (request_id, asked_at);

create table bid (
    id             uuid          primary key,
    request_id     uuid          not null references service_request (id),
    provider_id    uuid          not null,
    status         text          not null check (status in ('ACTIVE', 'WITHDRAWN')),
    price_uzs      numeric(18,2) not null check (price_uzs > 0),
    duration_days  integer       not null check (duration_days between 1 and 1095),
    proposal       text          not null,
    -- 0 when first submitted, +1 on each revision
    revision       integer       not null,
    submitted_at   timestamptz   not null,
    revised_at     timestamptz,
    withdrawn_at   timestamptz,
    version        bigint        not null
);

-- One active bid per provider per request, enforced by the database under concurrent submits.
create unique index bid_one_active on bid (request_id, provider_id) where status = 'ACTIVE';
create index bid_request on bid (request_id);
