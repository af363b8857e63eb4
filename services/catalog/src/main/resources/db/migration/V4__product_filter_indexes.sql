-- Facet filters without a text query (a region's products, a sector, a cluster) read only the
-- matching rows instead of the whole catalogue. Measured by deploy/bench/run-search.
create index product_region on product (region_code, published_at desc) where status = 'PUBLISHED';
create index product_sector on product (sector, price_uzs) where status = 'PUBLISHED';
create index product_cluster on product (zone_name) where status = 'PUBLISHED' and zone_name is not null;
