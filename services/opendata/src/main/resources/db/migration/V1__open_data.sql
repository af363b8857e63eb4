-- Open data in OCDS 1.1 (issue 15). Releases are written once and never changed: a redelivered event
-- finds its release id taken and makes no second one.

-- The directory's organizations, as the parties of a contracting process name them.
create table organization (
    organization_id uuid        primary key,
    kind            text        not null,
    legal_name      text,
    stir            text,
    region_code     text,
    address         text,
    updated_at      timestamptz not null default now()
);

-- One contracting process per service request. "state" is what is public now (the next release's body);
-- "sealed" is what the platform does not show yet (revealed bids before the award, proposed plans): it is
-- read only to build a release once its time has come and is never served.
create table contracting_process (
    ocid              text        primary key,
    request_id        uuid        not null unique,
    state             jsonb       not null,
    sealed            jsonb       not null,
    compiled_release  jsonb,
    last_release_id   text,
    last_release_date timestamptz,
    updated_at        timestamptz not null default now()
);

create table ocds_release (
    release_id   text        primary key,
    ocid         text        not null references contracting_process (ocid),
    -- publication order: the paged list and the bulk file follow it, so a harvester misses nothing
    sequence_no  bigserial   not null unique,
    release_date timestamptz not null,
    published_at timestamptz not null default now(),
    body         jsonb       not null
);

create index ocds_release_of_process on ocds_release (ocid, sequence_no);
create index ocds_release_published on ocds_release (published_at, sequence_no);
