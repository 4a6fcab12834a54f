#!/usr/bin/env bash
# Makes sure the PostgreSQL store's tests have a real server: PostgreSQL answering on localhost:5432,
# with a role and a database for the tests. Maven runs it (the root POM's `ensure-postgresql` execution
# of exec-maven-plugin, at process-test-classes) in every module with PostgreSQL tests, before those
# tests, so `mvn -B verify` passes on a fresh machine.
#   - a server already answers: nothing is started or installed;
#   - a local cluster exists but is down (Debian's postgresql-common): `pg_ctlcluster V NAME start`;
#   - no PostgreSQL at all: Debian's `postgresql` is installed with apt-get (its cluster is then started);
#   - then, idempotently, the role omnisync_test (password omnisync_test, CREATEDB: each test class makes
#     its own database) and the database omnisync_test, created as the cluster's superuser.
# Test credentials only: the role can do nothing but create and use its own databases.
# `-DskipTests` skips it.
set -euo pipefail

HOST=127.0.0.1
PORT=5432
ROLE=omnisync_test
PASSWORD=omnisync_test
DATABASE=omnisync_test

say() { echo "ensure-postgresql: $*" >&2; }

answers() {
  if command -v pg_isready >/dev/null 2>&1; then
    pg_isready -q -h "$HOST" -p "$PORT" -t 2
  else
    (exec 3<>"/dev/tcp/$HOST/$PORT") 2>/dev/null
  fi
}

if [[ "$(id -u)" -eq 0 ]]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  as_root=(false)
fi

# The cluster on our port, as "version name" (pg_lsclusters: Ver Cluster Port Status Owner Data Log).
local_cluster() {
  command -v pg_lsclusters >/dev/null 2>&1 || return 0
  pg_lsclusters --no-header 2>/dev/null | awk -v port="$PORT" '$3 == port { print $1, $2; exit }'
}

install_postgresql() {
  if [[ "${as_root[0]:-}" == false ]]; then
    say "no PostgreSQL is installed and this user cannot install packages;"
    say "as root, run: apt-get update && apt-get install -y --no-install-recommends postgresql"
    exit 1
  fi
  say "installing Debian's postgresql for the store's tests"
  export DEBIAN_FRONTEND=noninteractive
  # Wait for another apt/dpkg run to finish rather than failing on its lock.
  apt_options=(-q -o DPkg::Lock::Timeout=300)
  "${as_root[@]}" apt-get "${apt_options[@]}" update >&2
  "${as_root[@]}" apt-get "${apt_options[@]}" install -y --no-install-recommends postgresql >&2
}

if ! answers; then
  cluster="$(local_cluster)"
  if [[ -z "$cluster" ]]; then
    if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
      install_postgresql
    fi
    cluster="$(local_cluster)"
    if [[ -z "$cluster" ]]; then
      # Installed (by hand, or its package made no cluster): make one on our port.
      version="$(ls /usr/lib/postgresql | sort -V | tail -1)"
      say "creating the cluster $version/main on port $PORT"
      "${as_root[@]}" pg_createcluster "$version" main --port "$PORT" >&2
      cluster="$version main"
    fi
  fi
  read -r version name <<<"$cluster"
  say "starting the local cluster $version/$name (pg_ctlcluster)"
  "${as_root[@]}" pg_ctlcluster "$version" "$name" start >&2 || true
  for _ in $(seq 1 60); do
    answers && break
    sleep 0.5
  done
  if ! answers; then
    say "PostgreSQL $version/$name did not answer on $HOST:$PORT; its log: /var/log/postgresql/postgresql-$version-$name.log"
    exit 1
  fi
fi

# The tests' role and database, unless they are there already (the password is checked by logging in).
if PGPASSWORD="$PASSWORD" psql -h "$HOST" -p "$PORT" -U "$ROLE" -d "$DATABASE" -tAqc 'SELECT 1' >/dev/null 2>&1; then
  exit 0
fi
if [[ "${as_root[0]:-}" == false ]] || ! id postgres >/dev/null 2>&1; then
  say "PostgreSQL answers, but the role $ROLE cannot log in to $DATABASE and this user cannot become postgres;"
  say "as the cluster's superuser: CREATE ROLE $ROLE LOGIN CREATEDB PASSWORD '$PASSWORD'; CREATE DATABASE $DATABASE OWNER $ROLE;"
  exit 1
fi
as_postgres() { "${as_root[@]}" runuser -u postgres -- "$@"; }
say "creating the test role $ROLE and database $DATABASE"
as_postgres psql -p "$PORT" -v ON_ERROR_STOP=1 -qX <<SQL >&2
SELECT format('CREATE ROLE %I LOGIN CREATEDB', '$ROLE')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$ROLE') \gexec
ALTER ROLE $ROLE LOGIN CREATEDB PASSWORD '$PASSWORD';
SELECT format('CREATE DATABASE %I OWNER %I', '$DATABASE', '$ROLE')
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = '$DATABASE') \gexec
SQL
PGPASSWORD="$PASSWORD" psql -h "$HOST" -p "$PORT" -U "$ROLE" -d "$DATABASE" -tAqc 'SELECT 1' >/dev/null
