#!/bin/sh
# docker-compose only: one role and database per service, and Keycloak's (the launcher does the
# same in EmbeddedDatabase.ensureDatabase). Each password comes from the environment
# (docker-compose.yml refuses to start without them); none is written in the repository.
set -eu
for role in catalog offers orders datalake integrity opendata notifications keycloak; do
  variable="AQLLI_$(echo "$role" | tr '[:lower:]' '[:upper:]')_DB_PASSWORD"
  eval "password=\${$variable:?$variable is not set}"
  # psql variables, not text pasted into SQL: a password with a quote in it stays a password.
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres -v role="$role" -v password="$password" <<'SQL'
create role :"role" login password :'password';
create database :"role" owner :"role";
SQL
done
