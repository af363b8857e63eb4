-- What notifications knows of the market, from the domain events (each applied once, the inbox),
-- and each user's feed.

-- The directory's organizations: who a request, an order or a verification decision concerns.
create table organization (
    organization_id uuid primary key,
    kind            text not null,
    legal_name      text,
    region_code     text not null,
    status          text not null,
    manager_user_id text,
    contact_email   text,
    -- The directory publishes one organization's events in order on one partition: an older one changes nothing.
    source_partition int not null,
    source_offset   bigint not null,
    updated_at      timestamptz not null default now()
);

-- A provider's service categories (registration) or an enterprise's sectors.
create table organization_field (
    organization_id uuid not null references organization on delete cascade,
    field           text not null,
    primary key (organization_id, field)
);

-- Where each provider's published offers are served, by category: a provider hears of requests
-- in its registered categories and in the categories and regions of its offers.
create table offer_reach (
    offer_id    uuid not null,
    provider_id uuid not null,
    category    text not null,
    region_code text not null,
    primary key (offer_id, region_code)
);
create index offer_reach_by_category on offer_reach (category, region_code);

-- The users notifications can reach: the managers the directory names, and everyone who has
-- used this API (their token gives organization, e-mail, administration region).
create table recipient (
    user_id               text primary key,
    organization_id       uuid,
    email                 text,
    language              text not null default 'uz-Latn',
    administration_region text,
    seen_at               timestamptz not null default now()
);
create index recipient_by_organization on recipient (organization_id);
create index recipient_by_region on recipient (administration_region);

-- Service requests: the buyer, the title (public), and who follows it. A bidder is known here
-- only from BidsRevealed on (the bid events name none before); it is never shown to anyone.
create table service_request (
    request_id uuid primary key,
    buyer_id   uuid not null,
    category   text,
    title      text not null
);
create table request_follower (
    request_id      uuid not null,
    organization_id uuid not null,
    bidder          boolean not null default false,
    primary key (request_id, organization_id)
);

-- The feed: one row per (event, recipient); the sequence orders a user's feed and its live stream.
create table notification (
    sequence          bigserial primary key,
    id                uuid not null unique,
    recipient_user_id text not null,
    kind              text not null,
    event_key         text not null,
    subject_id        text not null,
    link              text not null,
    params            jsonb not null,
    created_at        timestamptz not null,
    read_at           timestamptz,
    constraint one_notification_per_event_and_recipient unique (event_key, recipient_user_id)
);
create index notification_feed on notification (recipient_user_id, sequence desc);
create index notification_unread on notification (recipient_user_id) where read_at is null;
