-- The IKPU (MXIK) code of the national goods and services catalogue that an e-invoice line of an
-- order names (issue 12). Optional: products listed before this have none, and an enterprise may
-- list a product before it has looked its code up.
alter table product add column ikpu_code varchar(17) check (ikpu_code ~ '^[0-9]{17}$');
