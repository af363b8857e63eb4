-- Double-blind ratings of finished deals (an order or a contract): each party's organization rates
-- the other once; a rating stays hidden (published_at null) until both have rated or the window
-- (window_ends_at, the deal's end plus aqlli.orders.rating-window) has closed, then the deal's
-- ratings are published together. Nothing in a row changes after it is written but its publication
-- and the rated party's one response.
create table rating (
    id             uuid        primary key,
    deal_kind      text        not null check (deal_kind in ('ORDER', 'CONTRACT')),
    deal_id        uuid        not null,
    rater_id       uuid        not null,
    rated_id       uuid        not null,
    -- the member who rated: the parties' own, never shown to anyone else nor in an event
    rated_by       text        not null,
    quality        smallint    not null check (quality between 1 and 5),
    timeliness     smallint    not null check (timeliness between 1 and 5),
    communication  smallint    not null check (communication between 1 and 5),
    text           text        not null check (length(text) between 1 and 2000),
    rated_at       timestamptz not null,
    window_ends_at timestamptz not null,
    published_at   timestamptz,
    response       text        check (length(response) between 1 and 2000),
    responded_by   text,
    responded_at   timestamptz,
    version        bigint      not null,
    check (rater_id <> rated_id),
    check ((response is null) = (responded_at is null)),
    check (response is null or published_at is not null)
);

-- One rating per party and deal, whatever races.
create unique index rating_once on rating (deal_kind, deal_id, rater_id);
-- The sweep looks only at hidden ratings whose window has closed.
create index rating_due on rating (window_ends_at) where published_at is null;
create index rating_of_organization on rating (rated_id, published_at desc) where published_at is not null;
