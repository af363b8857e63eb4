-- Every event of the platform, as it arrived: the lake's source of truth. Append-only.
create table raw_event (
    event_id    text        primary key,
    event_type  text        not null,
    source      text        not null,
    subject     text,
    occurred_at timestamptz,
    topic       text        not null,
    kafka_partition integer not null,
    kafka_offset    bigint  not null,
    payload     jsonb       not null,
    received_at timestamptz not null default now()
);

create index raw_event_type_time on raw_event (event_type, occurred_at);

-- Append-only is enforced by the database, not by convention: history cannot be rewritten.
create function raw_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'raw_event is append-only: % is not allowed', tg_op;
end;
$$;

create trigger raw_event_append_only
    before update or delete on raw_event
    for each row execute function raw_event_is_append_only();

create trigger raw_event_no_truncate
    before truncate on raw_event
    for each statement execute function raw_event_is_append_only();
