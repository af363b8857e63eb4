-- The lake's order of arrival: sealing takes raw_event in ranges of lake_seq, and the hot tier is
-- every row above the last sealed range. Adding the column numbers the rows already stored (in
-- their physical order); no row trigger fires, so raw_event stays append-only.
alter table raw_event add column lake_seq bigserial not null;
create unique index raw_event_lake_seq on raw_event (lake_seq);

-- False for an event whose type (or topic) this build does not know: kept raw, never dropped.
alter table raw_event add column known boolean not null default true;

-- One range of lake_seq being written to Parquet (WRITING) or written and recorded (SEALED). A
-- WRITING range is redone with the same bounds after a crash, so its file names come out the same.
create table lake_seal (
    from_seq   bigint      primary key,
    to_seq     bigint      not null unique check (to_seq >= from_seq),
    state      text        not null check (state in ('WRITING', 'SEALED')),
    started_at timestamptz not null default now(),
    sealed_at  timestamptz
);

-- At most one range is being written at a time.
create unique index lake_seal_one_writing on lake_seal (state) where state = 'WRITING';

-- The manifest: which Parquet files make up the lake. A reader takes the files whose removed_at
-- is null; compaction sets removed_at on the files it merged in the transaction that records the
-- merged file, and the small files are deleted from disk only later (readers holding the old list
-- still find them).
create table lake_file (
    path        text        primary key, -- relative to the lake's root: topic=<topic>/date=<yyyy-mm-dd>/<name>.parquet
    topic       text        not null,
    event_date  date        not null,
    first_seq   bigint      not null,
    last_seq    bigint      not null,
    events      bigint      not null,
    bytes       bigint      not null,
    compacted   boolean     not null,
    created_at  timestamptz not null default now(),
    removed_at  timestamptz
);

create index lake_file_current on lake_file (topic, event_date) where removed_at is null;
