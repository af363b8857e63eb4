-- Shared by every service (flyway location db/platform). Versions 0.x belong to the platform
-- runtime; a service's own migrations start at V1.

-- Events written in the same transaction as the change they describe, published by the relay.
create table outbox_event (
    id             uuid        primary key,
    -- publication order; events of one aggregate must leave in the order they were written
    sequence_no    bigserial   not null unique,
    topic          text        not null,
    aggregate_type text        not null,
    aggregate_id   text        not null,
    event_type     text        not null,
    source         text        not null,
    payload        jsonb       not null,
    occurred_at    timestamptz not null,
    published_at   timestamptz,
    attempts       integer     not null default 0,
    last_error     text
);

-- The relay only ever scans what is still unsent.
create index outbox_event_unsent on outbox_event (sequence_no) where published_at is null;

-- Events a consumer has handled, written in the same transaction as their effect.
create table inbox_event (
    consumer   text        not null,
    event_id   text        not null,
    event_type text        not null,
    handled_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
