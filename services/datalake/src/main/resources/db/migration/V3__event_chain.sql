-- The tamper-evident record (docs/transparency.md): each event stored from now on carries the
-- chain's hash up to and including it, SHA-256(previous hash || the event's canonical bytes),
-- written in the transaction that stores it. Rows stored before this migration precede the chain.
alter table raw_event add column chain_hash bytea;

-- The chain's head: one row, locked by every append (select ... for update), so that entries are
-- appended one writer at a time and the chain is a line in lake_seq order.
create table chain_head (
    id       boolean primary key default true check (id),
    size     bigint  not null,
    last_seq bigint  not null,
    hash     bytea   not null
);
insert into chain_head (size, last_seq, hash) values (0, 0, decode(repeat('00', 32), 'hex'));

-- Signed checkpoints: the head as it was, signed with the lake's Ed25519 key. Append-only.
create table chain_checkpoint (
    tree_size  bigint      primary key,
    root_hash  bytea       not null,
    last_seq   bigint      not null,
    issued_at  timestamptz not null,
    public_key bytea       not null,
    signature  bytea       not null
);

create trigger chain_checkpoint_append_only
    before update or delete on chain_checkpoint
    for each row execute function raw_event_is_append_only();
