-- Search that stays fast at a million products (docs/decisions.md, "Product search at scale";
-- measured by deploy/bench/run-search). Three changes to V3's design:
--
-- 1. Relevance is "every word in the name" first, then the rest, newest first within each: a
--    name-only tsvector says which tier a product is in. ts_rank had to be computed for every
--    match before the first page could be cut, which costs seconds on a word that matches a
--    quarter of the catalogue.
-- 2. A fixed 1 % sample of the catalogue (by a hash of the id, so independent of everything a
--    buyer filters on) with its own indexes. A search first counts its matches in the sample:
--    few, and it counts them exactly in the catalogue; many, and its total and facets are the
--    sample's counts scaled up, marked as estimates.
-- 3. The facet filters are terms of the same tsvector ('@r1712' for a region, '@sCHEMICALS' for a
--    sector, ...), so that text and filters are intersected inside one GIN index scan instead of
--    visiting every row of a region to test its words.
-- 4. Typos are corrected against a dictionary of the catalogue's words (the pg_trgm manual's
--    "text search integration"), instead of comparing the query with every product name.

-- The filterable facets as terms no word can collide with (a query word has letters and digits only).
create function aqlli_facet_terms(region_code text, zone_type text, zone_name text, sector text, export_ready boolean)
    returns tsvector
    language sql immutable parallel safe
as $$
    select array_to_tsvector(array_remove(array['@r' || region_code, '@t' || zone_type, '@z' || zone_name, '@s' || sector,
                                                 '@e' || export_ready::text], null))
$$;

-- The V4 filter indexes: replaced by the facet terms.
drop index product_region;
drop index product_sector;
drop index product_cluster;

alter table product
    drop column name_folded,
    alter column search_document set expression as (
        setweight(to_tsvector('simple', aqlli_fold(aqlli_texts(name))), 'A') ||
        setweight(to_tsvector('simple', aqlli_fold(aqlli_texts(description))), 'B') ||
        aqlli_facet_terms(region_code, zone_type, zone_name, sector, export_ready)),
    add column name_document tsvector generated always as (
        to_tsvector('simple', aqlli_fold(aqlli_texts(name))) ||
        aqlli_facet_terms(region_code, zone_type, zone_name, sector, export_ready)) stored,
    -- hashtextextended is immutable and spreads ids evenly; mod of a negative hash is 0 or negative
    add column in_sample boolean generated always as (hashtextextended(id::text, 0) % 100 = 0) stored;

create index product_name_search on product using gin (name_document) where status = 'PUBLISHED';
create index product_sample_search on product using gin (search_document) where status = 'PUBLISHED' and in_sample;
-- Every facet column and the price: a search without words reads its sample from this index alone.
create index product_sample_facets on product (region_code, zone_type, zone_name, sector, export_ready, price_uzs)
    where status = 'PUBLISHED' and in_sample;

-- Every word (3 characters or more, with a letter; not the facet terms) that any product's folded name or description
-- holds. A query word that no catalogue word starts with is a typo, and is searched as itself or
-- its nearest words here. Words are never removed: a word of a withdrawn product only ever widens
-- a correction, and the search still returns published products alone.
create table search_word (
    word text primary key
);
create index search_word_trigram on search_word using gist (word gist_trgm_ops);

create function product_words_known() returns trigger
    language plpgsql
as $$
begin
    -- In one order, so that two transactions adding the same new words never deadlock.
    insert into search_word (word)
    select distinct w.lexeme
    from changed_products p, unnest(p.search_document) w
    where length(w.lexeme) >= 3 and w.lexeme ~ '[[:alpha:]]' and left(w.lexeme, 1) <> '@'
    order by w.lexeme
    on conflict do nothing;
    return null;
end
$$;

-- Per statement with the changed rows as a table: a bulk import adds its words in one insert.
create trigger product_words_of_new after insert on product
    referencing new table as changed_products for each statement execute function product_words_known();
create trigger product_words_of_changed after update on product
    referencing new table as changed_products for each statement execute function product_words_known();

insert into search_word (word)
select distinct w.lexeme from product p, unnest(p.search_document) w
where length(w.lexeme) >= 3 and w.lexeme ~ '[[:alpha:]]' and left(w.lexeme, 1) <> '@'
on conflict do nothing;
