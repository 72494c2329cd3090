#!/usr/bin/env bash
# Install Debian's PostgreSQL when it is missing, start a cluster, create the ledger's test role and
# database, and print the database URL (the ledger tests read it from ELECTORAL_TEST_POSTGRES_URL):
#   export ELECTORAL_TEST_POSTGRES_URL="$(bash scripts/install_postgres.sh)"
set -euo pipefail
ROLE="${ELECTORAL_PG_ROLE:-electoral}"
DATABASE="${ELECTORAL_PG_DATABASE:-electoral_ledger_test}"
PASSWORD="${ELECTORAL_PG_PASSWORD:-electoral}"
if ! command -v pg_lsclusters >/dev/null 2>&1 || [ -z "$(ls /usr/lib/postgresql 2>/dev/null)" ]; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "postgresql is missing; run: sudo apt-get install -y postgresql" >&2
        exit 1
    fi
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
VERSION="$(ls /usr/lib/postgresql | sort -V | tail -1)"
if ! pg_lsclusters -h | awk -v v="$VERSION" '$1 == v && $2 == "main"' | grep -q .; then
    pg_createcluster "$VERSION" main >&2
fi
PORT="$(pg_lsclusters -h | awk -v v="$VERSION" '$1 == v && $2 == "main" {print $3}')"
if ! pg_lsclusters -h | awk -v v="$VERSION" '$1 == v && $2 == "main" {print $4}' | grep -q online; then
    pg_ctlcluster "$VERSION" main start >&2
fi
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }
for _ in $(seq 1 30); do
    as_postgres psql -p "$PORT" -Atqc "SELECT 1" >/dev/null 2>&1 && break
    sleep 1
done
if [ "$(as_postgres psql -p "$PORT" -Atqc "SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'")" != "1" ]; then
    as_postgres psql -p "$PORT" -qc "CREATE ROLE $ROLE LOGIN PASSWORD '$PASSWORD'" >&2
fi
if [ "$(as_postgres psql -p "$PORT" -Atqc "SELECT 1 FROM pg_database WHERE datname = '$DATABASE'")" != "1" ]; then
    as_postgres psql -p "$PORT" -qc "CREATE DATABASE $DATABASE OWNER $ROLE" >&2
fi
echo "postgresql://$ROLE:$PASSWORD@127.0.0.1:$PORT/$DATABASE"
