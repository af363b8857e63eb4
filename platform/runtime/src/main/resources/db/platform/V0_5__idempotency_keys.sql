-- The first answer to each write sent with an Idempotency-Key (platform/runtime
-- idempotency.IdempotentRequests), written in the write's own transaction so that it exists
-- exactly when the change does.
--
-- Version 0.5: db/platform and db/standing share one Flyway history per database (0.1 and 0.3
-- here, 0.2 and 0.4 there), so the next platform version is the next free 0.x across both. A
-- database that already has a service's V1 or later takes it out of order
-- (quarkus.flyway.out-of-order in the runtime's configuration).
create table idempotency_key (
    -- the token's subject: a key is the user's own, another user's same key is another key
    caller_id       text        not null,
    idempotency_key text        not null,
    operation       text        not null,
    -- SHA-256 (hex) of the operation and the body in canonical JSON: "the same request"
    fingerprint     text        not null,
    status          integer     not null,
    content_type    text,
    location        text,
    entity_tag      text,
    -- the answer's body as it was sent, byte for byte (empty when it had none)
    body            bytea       not null,
    created_at      timestamptz not null,
    primary key (caller_id, idempotency_key)
);

-- The purge deletes the oldest first, in small batches.
create index idempotency_key_created on idempotency_key (created_at);
