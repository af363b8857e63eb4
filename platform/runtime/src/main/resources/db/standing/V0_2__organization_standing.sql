-- Services that let organizations trade (offers, orders) keep their own copy of whether each
-- organization may, fed by the directory's events (flyway location db/standing). A missing row
-- means nothing has been heard of the organization yet: it may not trade.
create table organization_standing (
    organization_id uuid        primary key,
    kind            text        not null,
    region_code     text        not null,
    status          text        not null,
    -- when catalog committed the change this row reflects; an older event never overwrites it
    as_of           timestamptz not null,
    updated_at      timestamptz not null default now()
);
