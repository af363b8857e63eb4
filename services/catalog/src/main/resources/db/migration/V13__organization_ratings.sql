-- What the directory shows of an organization's ratings: sums and counts of the ratings orders
-- published (RatingsPublished), never a rating before its publication. One row per rated
-- organization; the inbox makes each event count once.
create table organization_rating (
    organization_id     uuid    primary key,
    ratings             integer not null check (ratings >= 0),
    quality_sum         integer not null check (quality_sum >= 0),
    timeliness_sum      integer not null check (timeliness_sum >= 0),
    communication_sum   integer not null check (communication_sum >= 0)
);
