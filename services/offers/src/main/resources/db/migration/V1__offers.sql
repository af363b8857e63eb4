-- Providers' packaged digital services. Only published ones are public.
create table offer (
    id             uuid          primary key,
    provider_id    uuid          not null,
    status         text          not null check (status in ('DRAFT', 'PUBLISHED', 'WITHDRAWN')),
    category       text          not null,
    -- {"uz-Latn": "...", "uz-Cyrl": "...", "ru": "...", "en": "..."}, at least one
    title          jsonb         not null,
    description    jsonb         not null,
    pricing_model  text          not null check (pricing_model in ('FIXED', 'FROM_PRICE', 'HOURLY', 'MONTHLY_SUBSCRIPTION')),
    -- so'm, exact: never a floating-point type for money
    price_uzs      numeric(18,2) not null check (price_uzs > 0),
    delivery_days  integer       not null check (delivery_days between 1 and 730),
    regions_served varchar(4)[]  not null,
    version        bigint        not null,
    created_at     timestamptz   not null,
    updated_at     timestamptz   not null,
    published_at   timestamptz,
    withdrawn_at   timestamptz
);

-- The public board: published offers by category and price, newest first.
create index offer_board on offer (category, price_uzs) where status = 'PUBLISHED';
create index offer_board_newest on offer (published_at desc) where status = 'PUBLISHED';
create index offer_regions on offer using gin (regions_served) where status = 'PUBLISHED';
create index offer_provider on offer (provider_id, updated_at desc);
