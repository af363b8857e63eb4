-- Search at a million products, second pass (docs/decisions.md, "Product search at scale";
-- measured by deploy/bench/run-search, figures in docs/benchmarks.md).

-- A region's newest products in order. With a region chosen, a page read in order of publication
-- walks that region's products alone (ProductFinder.walk), rather than every product, skipping
-- the other thirteen regions' on the way: 'armatura' in one region went from collecting and
-- sorting 7,000 matches (about 35 ms at a million products) to reading a few hundred rows.
create index product_region_newest on product (region_code, published_at desc, id) where status = 'PUBLISHED';
