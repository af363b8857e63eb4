-- Enterprises' products, and the search over them. PostgreSQL does the searching: full-text
-- (tsvector, weighted name over description) and trigram similarity (typos), both over a
-- script-folded form so that Uzbek Latin, Uzbek Cyrillic and Russian find each other.

create extension if not exists pg_trgm;

-- One spelling for all scripts: lower case, Cyrillic to Uzbek Latin, apostrophes (o', g', the
-- tutuq belgisi in its many keyboard forms) and hard/soft signs dropped. "Пахта", "paxta" and
-- "PAXTA" fold alike, as do "тўқимачилик" and "to'qimachilik".
create function aqlli_fold(input text) returns text
    language sql immutable strict parallel safe
as $$
    select translate(
        replace(replace(replace(replace(replace(replace(replace(lower(input),
            'ё', 'yo'), 'ч', 'ch'), 'ш', 'sh'), 'щ', 'sh'), 'ю', 'yu'), 'я', 'ya'), 'ц', 'ts'),
        'абвгдежзийклмнопрстуфхыэўқғҳъьʻʼ''`‘’',
        'abvgdejziyklmnoprstufxieoqgh')
$$;

-- All texts of a by-language object ({"uz-Latn": ..., "ru": ...}) in one string.
create function aqlli_texts(texts jsonb) returns text
    language sql immutable strict parallel safe
as $$
    select coalesce(string_agg(value, ' ' order by key), '') from jsonb_each_text(texts)
$$;

create table product (
    id                 uuid          primary key,
    enterprise_id      uuid          not null references organization (id),
    status             text          not null check (status in ('DRAFT', 'PUBLISHED', 'WITHDRAWN')),
    name               jsonb         not null,
    description        jsonb         not null,
    sector             text          not null,
    -- Harmonized System code for export declarations: 6 digits, or the national 8–10
    hs_code            varchar(10),
    unit               text          not null,
    price_uzs          numeric(18,2) not null check (price_uzs > 0),
    -- [{"minQuantity": 100, "priceUzs": 41000.00}, ...], rising quantities
    price_tiers        jsonb         not null default '[]',
    min_order_quantity numeric(16,3) not null check (min_order_quantity > 0),
    monthly_capacity   numeric(16,3) check (monthly_capacity > 0),
    lead_time_days     integer       not null check (lead_time_days between 0 and 365),
    export_ready       boolean       not null,
    certifications     text[]        not null default '{}',
    -- where the enterprise sits, copied from it for the search facets
    region_code        varchar(4)    not null,
    zone_type          text          not null,
    zone_name          text,
    version            bigint        not null,
    created_at         timestamptz   not null,
    updated_at         timestamptz   not null,
    published_at       timestamptz,
    withdrawn_at       timestamptz,
    name_folded        text          generated always as (aqlli_fold(aqlli_texts(name))) stored,
    search_document    tsvector      generated always as (
        setweight(to_tsvector('simple', aqlli_fold(aqlli_texts(name))), 'A') ||
        setweight(to_tsvector('simple', aqlli_fold(aqlli_texts(description))), 'B')) stored
);

create index product_search on product using gin (search_document) where status = 'PUBLISHED';
create index product_name_trigram on product using gin (name_folded gin_trgm_ops) where status = 'PUBLISHED';
create index product_newest on product (published_at desc, id) where status = 'PUBLISHED';
create index product_price on product (price_uzs, id) where status = 'PUBLISHED';
create index product_enterprise on product (enterprise_id, updated_at desc);
