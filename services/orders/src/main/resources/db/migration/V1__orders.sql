-- orders keeps its own copies of what it needs from catalog and offers (never calling them while an
-- order is placed), and the orders themselves. Each copy row remembers which event it reflects, by
-- its place on the topic (records are keyed by the aggregate, so a later offset is a later fact).

-- The directory's organizations as orders needs them: the e-invoice's parties (name, STIR,
-- address, VAT registration), where they sit (for the data lake), and who manages each (approvals).
-- Whether one may trade is organization_standing (db/standing), fed by the same events.
create table trading_party (
    organization_id       uuid primary key,
    kind                  text not null,
    legal_name            text,
    stir                  text,
    region_code           text not null,
    district_code         text,
    zone_type             text,
    zone_name             text,
    address               text,
    vat_registration_code text,
    manager_user_id       text,
    source_partition      integer not null,
    source_offset         bigint  not null,
    updated_at            timestamptz not null default now()
);

-- Catalogue products as last published. A withdrawn one stays (status WITHDRAWN) so that an order
-- of it is refused with the reason rather than "unknown product".
create table listed_product (
    product_id          uuid primary key,
    enterprise_id       uuid          not null,
    status              text          not null check (status in ('PUBLISHED', 'WITHDRAWN')),
    name                jsonb         not null,
    sector              text          not null,
    unit                text          not null,
    price_uzs           numeric(18,2) not null,
    price_tiers         jsonb         not null,
    min_order_quantity  numeric(16,3) not null,
    ikpu_code           text,
    source_partition    integer       not null,
    source_offset       bigint        not null,
    updated_at          timestamptz   not null default now()
);

-- Providers' offers as last published.
create table listed_offer (
    offer_id          uuid primary key,
    provider_id       uuid          not null,
    status            text          not null check (status in ('PUBLISHED', 'WITHDRAWN')),
    category          text          not null,
    title             jsonb         not null,
    pricing_model     text          not null,
    price_uzs         numeric(18,2) not null,
    delivery_days     integer       not null,
    regions_served    text[]        not null,
    ikpu_code         text,
    source_partition  integer       not null,
    source_offset     bigint        not null,
    updated_at        timestamptz   not null default now()
);

-- An organization's buying rule, set by its manager: orders above the threshold placed by a member
-- wait for the manager. No row, or a null threshold, means no approval is needed.
create table purchasing_policy (
    organization_id        uuid primary key,
    approval_threshold_uzs numeric(18,2) check (approval_threshold_uzs >= 0),
    updated_by             text        not null,
    updated_at             timestamptz not null,
    version                bigint      not null default 0
);

-- Order numbers people read aloud and write on invoices: AE-<year>-<sequence>.
create sequence order_number_seq;

create table purchase_order (
    id                    uuid primary key,
    order_number          text          not null unique,
    kind                  text          not null check (kind in ('PRODUCTS', 'SERVICE')),
    status                text          not null,
    buyer_id              uuid          not null,
    seller_id             uuid          not null check (seller_id <> buyer_id),
    placed_by             text          not null,
    -- the parties' regions when the order was made: who of the administration sees it
    buyer_region_code     text          not null,
    seller_region_code    text          not null,
    sector                text,
    service_category      text,
    offer_id              uuid,
    pricing_model         text,
    months                integer       check (months between 1 and 36),
    hours                 numeric(10,2),
    amount_uzs            numeric(18,2),
    currency              char(3)       not null default 'UZS',
    quoted_at             timestamptz,
    quote_note            text,
    delivery_region_code  text          not null,
    delivery_district_code text,
    delivery_address      text,
    wanted_by             date,
    note                  text,
    delivery_date         date,
    reason                text,
    approved_by           text,
    cancelled_by          text,
    completed_by          text,
    placed_at             timestamptz,
    confirmed_at          timestamptz,
    delivered_at          timestamptz,
    -- the earliest moment a delivery not answered counts as accepted (the sweep looks for these)
    acceptance_due_at     timestamptz,
    closed_at             timestamptz,
    created_at            timestamptz   not null,
    updated_at            timestamptz   not null,
    version               bigint        not null default 0
);
create index purchase_order_buyer on purchase_order (buyer_id, created_at desc);
-- the seller sees an order only once it is placed (never while it waits for the buyer's approval)
create index purchase_order_seller on purchase_order (seller_id, created_at desc) where placed_at is not null;
create index purchase_order_buyer_region on purchase_order (buyer_region_code, created_at desc);
create index purchase_order_seller_region on purchase_order (seller_region_code, created_at desc);
create index purchase_order_acceptance_due on purchase_order (acceptance_due_at) where acceptance_due_at is not null;

-- What was ordered, priced when the order was placed (or quoted): a copy, so that a later change or
-- withdrawal of the listing does not change the order.
create table order_item (
    order_id        uuid          not null references purchase_order (id) on delete cascade,
    line_no         integer       not null check (line_no >= 1),
    product_id      uuid,
    offer_id        uuid,
    name            jsonb         not null,
    -- a product's sector (an order may mix an enterprise's sectors); null for an offer
    sector          text,
    unit            text          not null,
    ikpu_code       text,
    quantity        numeric(16,3) not null check (quantity > 0),
    unit_price_uzs  numeric(18,2),
    amount_uzs      numeric(18,2),
    primary key (order_id, line_no),
    check ((product_id is null) <> (offer_id is null))
);

-- A subscription's months: each one delivered by the provider and accepted by the buyer on its own.
create table subscription_month (
    order_id          uuid          not null references purchase_order (id) on delete cascade,
    month             integer       not null check (month >= 1),
    amount_uzs        numeric(18,2) not null,
    status            text          not null check (status in ('SCHEDULED', 'DELIVERED', 'ACCEPTED', 'DISPUTED')),
    delivered_at      timestamptz,
    acceptance_due_at timestamptz,
    accepted_at       timestamptz,
    accepted_by       text,
    reason            text,
    primary key (order_id, month)
);
