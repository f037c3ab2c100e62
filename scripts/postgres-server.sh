#!/usr/bin/env bash
# Runs a private PostgreSQL 15 server in the foreground (the AppHost's executable resource and
# the test fixtures use it). Logs go to stderr.
#
# Environment:
#   PGPORT        (required) TCP port on 127.0.0.1
#   PG_DATA_DIR   (required) cluster folder; created and initdb'd on first use
#   PG_USER       superuser created at initdb (default: postgres)
#   PG_PASSWORD   its password (default: postgres); re-applied on every start, so the
#                 configured value always wins over whatever the cluster had stored
#   PG_FAST=1     tests only: fsync and full_page_writes off. A crash of the machine may lose data;
#                 a killed server loses no commit it acknowledged (synchronous_commit stays on:
#                 the fault tests kill it and count on that)
#   PG_MAX_CONNECTIONS  default 200 (several services with pools, plus tests)
#   PG_BIN        default /usr/lib/postgresql/15/bin
#   PARENT_PID    optional: stop the server when that process is gone (orphan protection),
#                 after PARENT_GRACE_SECONDS (default 0)
#   DELETE_DATA_DIR_ON_EXIT=1  throwaway runs: remove PG_DATA_DIR once the server has been stopped
#                 (not when it died by itself: the AppHost starts it again on the same data)
#   PG_OS_USER    OS user that runs the server when this script runs as root (default postgres)
#
# Signals: SIGTERM, SIGINT and SIGHUP all mean "fast shutdown" (clients are disconnected,
# a checkpoint is written, clean stop). Postgres itself treats SIGTERM as "smart" shutdown,
# which waits for every pooled client connection to go away; orchestrators (DCP) kill a
# process a few seconds after SIGTERM, so this script translates the signal instead of
# exec'ing postgres.
set -euo pipefail

log() { echo "postgres-server: $*" >&2; }
die() { log "$*"; exit 1; }

: "${PGPORT:?PGPORT is required}"
: "${PG_DATA_DIR:?PG_DATA_DIR is required}"
PG_USER=${PG_USER:-postgres}
PG_PASSWORD=${PG_PASSWORD:-postgres}
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PG_MAX_CONNECTIONS=${PG_MAX_CONNECTIONS:-200}
PARENT_PID=${PARENT_PID:-}

[[ "$PGPORT" =~ ^[0-9]+$ ]] || die "PGPORT must be a number, got '$PGPORT'"
[[ -x "$PG_BIN/postgres" ]] || die "$PG_BIN/postgres not found; run scripts/install-prerequisites.sh"

PG_DATA_DIR=$(realpath -m -- "$PG_DATA_DIR")
cd /   # the server user may not be able to read the caller's working directory

# PostgreSQL refuses to run as root: as root, run it as the 'postgres' OS user.
if ((EUID == 0)); then
    run_user=${PG_OS_USER:-postgres}
    id "$run_user" >/dev/null 2>&1 || die "OS user '$run_user' does not exist (it comes with the postgresql package)"
    as_server=(setpriv "--reuid=$run_user" "--regid=$(id -g "$run_user")" --init-groups --)
else
    run_user=$(id -un)
    as_server=()
fi

# The server user must be able to reach the data folder: grant search (x) permission on any
# parent folder that denies it (for example /root or a 0700 temp folder). This exposes no
# listing or contents, only path traversal.
ensure_traversable() {
    local dir=$1
    while [[ "$dir" != "/" ]]; do
        if [[ -d "$dir" ]] && ! "${as_server[@]}" test -x "$dir"; then
            log "granting o+x on $dir so that '$run_user' can reach $PG_DATA_DIR"
            chmod o+x "$dir"
        fi
        dir=$(dirname -- "$dir")
    done
}

mkdir -p -- "$PG_DATA_DIR"
if ((EUID == 0)); then
    ensure_traversable "$(dirname -- "$PG_DATA_DIR")"
    # A folder that mkdir just made belongs to root: hand it to the server user.
    if [[ "$(stat -c %U -- "$PG_DATA_DIR")" != "$run_user" ]]; then
        chown -R "$run_user:" -- "$PG_DATA_DIR"
    fi
fi
chmod 700 -- "$PG_DATA_DIR"

# Unix sockets have a ~107 byte path limit; deep data folders use a short folder under /tmp.
socket_dir=$PG_DATA_DIR
if (( ${#socket_dir} + 20 > 100 )); then
    socket_dir="/tmp/partyplatform-pg-$PGPORT"
    mkdir -p -- "$socket_dir"
    ((EUID == 0)) && chown "$run_user:" -- "$socket_dir"
    chmod 700 -- "$socket_dir"
fi

# A server left running on this data folder (e.g. after its supervisor was killed) holds the
# lock and perhaps a port: stop it before starting again.
# After a crash of the postmaster (kill -9), its backends notice and exit within moments; until
# the last one has, the cluster's shared memory is still attached and a new server refuses to
# start ("pre-existing shared memory block is still in use"). Line 7 of postmaster.pid names it.
wait_for_orphans() {
    local shmid attached
    shmid=$(sed -n 7p -- "$1" 2>/dev/null | awk '{print $2}')
    [[ "$shmid" =~ ^[0-9]+$ ]] || return 0
    for _ in $(seq 1 100); do
        attached=$(ipcs -m -i "$shmid" 2>/dev/null | sed -n 's/.*nattch=\([0-9]*\).*/\1/p')
        [[ -z "$attached" || "$attached" == 0 ]] && return 0
        sleep 0.1
    done
    log "the previous server's processes still hold its shared memory ($attached attached); starting anyway"
}

stop_stale_server() {
    local pidfile="$PG_DATA_DIR/postmaster.pid" pid
    [[ -f "$pidfile" ]] || return 0
    pid=$(head -n1 -- "$pidfile" 2>/dev/null || true)
    [[ "$pid" =~ ^[0-9]+$ ]] || return 0
    if ! kill -0 "$pid" 2>/dev/null; then
        wait_for_orphans "$pidfile"
        return 0
    fi
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "$PG_DATA_DIR" || return 0
    log "a previous server (pid $pid) still runs on $PG_DATA_DIR; stopping it"
    kill -INT "$pid" 2>/dev/null || true
    for _ in $(seq 1 300); do
        kill -0 "$pid" 2>/dev/null || return 0
        sleep 0.1
    done
    die "previous server (pid $pid) did not stop within 30 s"
}
stop_stale_server

# Both the role name and the password end up in SQL text: quote them.
sql_ident() { printf '"%s"' "${1//\"/\"\"}"; }
sql_literal() { printf "'%s'" "${1//\'/\'\'}"; }

if [[ ! -f "$PG_DATA_DIR/PG_VERSION" ]]; then
    log "initializing a new cluster in $PG_DATA_DIR (superuser '$PG_USER')"
    pwfile=$(mktemp)
    trap 'rm -f -- "$pwfile"' EXIT
    printf '%s\n' "$PG_PASSWORD" >"$pwfile"
    ((EUID == 0)) && chown "$run_user:" -- "$pwfile"
    # scram-sha-256 for TCP and for the socket; UTF-8 so that Chinese text is stored as is.
    "${as_server[@]}" "$PG_BIN/initdb" -D "$PG_DATA_DIR" -U "$PG_USER" --pwfile="$pwfile" \
        --auth=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 --no-instructions >&2
    rm -f -- "$pwfile"
    trap - EXIT
else
    # Keep the superuser's password equal to the configured one (single-user mode needs no
    # password and no network), so a changed or regenerated secret never locks us out.
    sync_sql="DO \$\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = $(sql_literal "$PG_USER")) THEN CREATE ROLE $(sql_ident "$PG_USER"); END IF; END \$\$;

ALTER ROLE $(sql_ident "$PG_USER") WITH SUPERUSER LOGIN PASSWORD $(sql_literal "$PG_PASSWORD");
"
    if ! out=$(printf '%s' "$sync_sql" | "${as_server[@]}" "$PG_BIN/postgres" --single -j \
            -D "$PG_DATA_DIR" -c "unix_socket_directories=$socket_dir" -c listen_addresses= postgres 2>&1); then
        log "could not apply the configured superuser password:"
        echo "$out" | grep -v -i 'password' >&2 || true
        exit 1
    fi
    if echo "$out" | grep -q 'ERROR:'; then
        log "applying the superuser password reported an error:"
        echo "$out" | grep 'ERROR:' | grep -v -i 'password' >&2 || true
        exit 1
    fi
fi

settings=(
    -c "listen_addresses=127.0.0.1"
    -c "port=$PGPORT"
    -c "unix_socket_directories=$socket_dir"
    -c "max_connections=$PG_MAX_CONNECTIONS"
    -c "password_encryption=scram-sha-256"
)
if [[ "${PG_FAST:-0}" == "1" ]]; then
    # Tests only: a crash of the machine may lose or corrupt data. synchronous_commit stays on: without
    # it a commit is answered before its WAL leaves the server's memory, and a killed server (SIGKILL,
    # as the fault tests do) forgets commits it acknowledged, such as a consumer's, whose message is gone.
    settings+=(-c fsync=off -c full_page_writes=off)
fi

unset PG_PASSWORD
log "starting PostgreSQL on 127.0.0.1:$PGPORT, data $PG_DATA_DIR (user $run_user)"
# SIGINT is PostgreSQL's fast shutdown: clients are disconnected and a shutdown checkpoint
# is written, so the next start needs no recovery.
# shellcheck source=lib/supervise.sh
source "$(dirname -- "$(realpath -- "${BASH_SOURCE[0]}")")/lib/supervise.sh"
set +e
supervise_server postgres INT "${as_server[@]}" "$PG_BIN/postgres" -D "$PG_DATA_DIR" "${settings[@]}"
status=$?
[[ "$socket_dir" != "$PG_DATA_DIR" ]] && rmdir -- "$socket_dir" 2>/dev/null
# Only once asked to stop: a server that died (kill -9) is started again on its data.
if [[ "${DELETE_DATA_DIR_ON_EXIT:-0}" == "1" ]] && supervise_asked_to_stop; then
    rm -rf -- "$PG_DATA_DIR"
fi
exit "$status"
