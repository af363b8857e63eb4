-- docker-compose only: one role and database per service, and Keycloak's (the launcher does
-- the same in EmbeddedDatabase.ensureDatabase).
create role catalog login password 'catalog';   create database catalog owner catalog;
create role offers login password 'offers';     create database offers owner offers;
create role orders login password 'orders';     create database orders owner orders;
create role datalake login password 'datalake'; create database datalake owner datalake;
create role keycloak login password 'keycloak'; create database keycloak owner keycloak;
