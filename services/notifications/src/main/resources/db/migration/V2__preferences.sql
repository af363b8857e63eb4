-- Each user's preferences (GET/PUT /preferences): kinds turned off, mail on or off, immediate or a
-- daily digest, and a provider's own categories and regions for new requests (null: the
-- organization's). Lists are comma-separated names or SOATO codes.
alter table recipient
    add column email_enabled boolean not null default true,
    add column digest boolean not null default false,
    add column muted_kinds text not null default '',
    add column categories text,
    add column regions text,
    -- The daily digest: the last sequence it covered and the Tashkent day it went out.
    add column digest_up_to bigint not null default 0,
    add column digest_day date;
