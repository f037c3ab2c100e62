#!/usr/bin/env bash
# Runs a private RabbitMQ node in the foreground (the AppHost's executable resource and the
# test fixtures use it). Logs go to stdout. No management plugin.
#
# Environment:
#   RABBITMQ_PORT       (required) AMQP port on 127.0.0.1
#   RABBITMQ_DATA_DIR   (required) everything of this node: HOME (Erlang cookie), mnesia
#                       (messages, definitions), generated config; kept across restarts
#   RABBITMQ_USER / RABBITMQ_PASSWORD
#                       administrator with full permissions on vhost "/" (default guest/guest);
#                       imported on every boot, so the configured password always wins
#   RABBITMQ_DIST_PORT  Erlang distribution port (default: a free port picked at start)
#   RABBITMQ_NODENAME   default: partyplatform-<first port>-<random>@localhost, chosen on the
#                       first start and kept in the data folder (mnesia data belongs to a node
#                       name, and Aspire hands out a different port on every run)
#   DELETE_DATA_DIR_ON_EXIT=1  throwaway runs: remove RABBITMQ_DATA_DIR once the node has been stopped
#                       (not when it died by itself: the AppHost starts it again on the same data)
#   PARENT_PID          optional: stop the node when that process is gone (orphan protection),
#                       after PARENT_GRACE_SECONDS (default 0)
#
# Signals: SIGTERM/SIGINT/SIGHUP stop the node gracefully (a few seconds).
# To run CLI commands against the node: scripts/rabbitmqctl.sh (same RABBITMQ_DATA_DIR).
set -euo pipefail

log() { echo "rabbitmq-server: $*" >&2; }
die() { log "$*"; exit 1; }

: "${RABBITMQ_PORT:?RABBITMQ_PORT is required}"
: "${RABBITMQ_DATA_DIR:?RABBITMQ_DATA_DIR is required}"
RABBITMQ_USER=${RABBITMQ_USER:-guest}
RABBITMQ_PASSWORD=${RABBITMQ_PASSWORD:-guest}
RABBITMQ_HOME_BIN=${RABBITMQ_HOME_BIN:-/usr/lib/rabbitmq/bin}

[[ "$RABBITMQ_PORT" =~ ^[0-9]+$ ]] || die "RABBITMQ_PORT must be a number, got '$RABBITMQ_PORT'"
# The /usr/sbin wrappers switch to the rabbitmq user and reset HOME (cookie mismatch for the
# CLI): use the real scripts directly.
[[ -x "$RABBITMQ_HOME_BIN/rabbitmq-server" ]] \
    || die "$RABBITMQ_HOME_BIN/rabbitmq-server not found; run scripts/install-prerequisites.sh"

script_dir=$(dirname -- "$(realpath -- "${BASH_SOURCE[0]}")")
data=$(realpath -m -- "$RABBITMQ_DATA_DIR")
# RabbitMQ's config format (and Erlang paths) do not take spaces.
[[ "$data" != *[[:space:]]* ]] || die "RABBITMQ_DATA_DIR must not contain spaces: '$data'"
mkdir -p -- "$data/home" "$data/mnesia" "$data/log" "$data/config"
chmod 700 -- "$data" "$data/home"

# shellcheck source=lib/rabbitmq-env.sh
source "$script_dir/lib/rabbitmq-env.sh"
if [[ ! -s "$data/nodename" ]]; then
    printf 'partyplatform-%s-%04x@localhost\n' "$RABBITMQ_PORT" "$((RANDOM % 65536))" >"$data/nodename"
fi
rabbitmq_node_env "$data"

# A node left running on this data folder (e.g. after its supervisor was killed) holds the
# node name: stop it before starting again. Its Erlang VM is recognised by "-home <our HOME>"
# and RabbitMQ's boot on its command line (the node name is not there; helper VMs of RabbitMQ's
# scripts share the HOME but not the boot).
stop_stale_node() {
    local pid found=""
    for pid in $(pgrep -x beam.smp || true); do
        if tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -F -- " -home $HOME " | grep -qF -- " -s rabbit boot "; then
            found=$pid
        fi
    done
    [[ -n "$found" ]] || return 0
    log "a previous node (pid $found) still runs on $data; stopping it"
    kill -TERM "$found" 2>/dev/null || true
    for _ in $(seq 1 600); do
        kill -0 "$found" 2>/dev/null || return 0
        sleep 0.1
    done
    log "previous node (pid $found) did not stop within 60 s; killing it"
    kill -KILL "$found" 2>/dev/null || true
    sleep 1
}
stop_stale_node

# Erlang distribution port: the default (AMQP port + 20000) overflows 65535 for high ports.
port_is_free() { [[ -z "$(ss -Hltn "sport = :$1" 2>/dev/null)" ]]; }
if [[ -z "${RABBITMQ_DIST_PORT:-}" ]]; then
    for _ in $(seq 1 100); do
        candidate=$((20000 + RANDOM % 12000))   # below the kernel's ephemeral port range
        if ((candidate != RABBITMQ_PORT)) && port_is_free "$candidate"; then
            RABBITMQ_DIST_PORT=$candidate
            break
        fi
    done
    [[ -n "${RABBITMQ_DIST_PORT:-}" ]] || die "could not find a free port for Erlang distribution"
fi
export RABBITMQ_DIST_PORT

json_string() {
    local s=${1//\\/\\\\}
    s=${s//\"/\\\"}
    printf '"%s"' "$s"
}

# Definitions are imported on every boot: they create (or update) the user and its password.
# Written with 0600: it holds the password in clear text.
umask 077
cat >"$data/config/definitions.json" <<EOF
{
  "vhosts": [ { "name": "/" } ],
  "users": [
    { "name": $(json_string "$RABBITMQ_USER"), "password": $(json_string "$RABBITMQ_PASSWORD"), "tags": "administrator" }
  ],
  "permissions": [
    { "user": $(json_string "$RABBITMQ_USER"), "vhost": "/", "configure": ".*", "write": ".*", "read": ".*" }
  ]
}
EOF
cat >"$RABBITMQ_CONFIG_FILE" <<EOF
# Generated by scripts/rabbitmq-server.sh on every start; edits are overwritten.
listeners.tcp.default = 127.0.0.1:$RABBITMQ_PORT
load_definitions = $data/config/definitions.json
log.console = true
log.console.level = info
log.file = false
EOF
echo '[].' >"$RABBITMQ_ENABLED_PLUGINS_FILE"
: >"$RABBITMQ_CONF_ENV_FILE"
umask 022

export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
export RABBITMQ_NODE_PORT=$RABBITMQ_PORT
export RABBITMQ_LOG_BASE=$data/log
export RABBITMQ_LOGS=-
# A failed boot writes an Erlang crash dump: keep it in the data folder, not in the caller's
# working directory.
export ERL_CRASH_DUMP=$data/log/erl_crash.dump
cd -- "$data"
# Keep Erlang distribution on loopback (epmd too, when this node is the one that starts it).
export ERL_EPMD_ADDRESS=127.0.0.1
export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
unset RABBITMQ_PASSWORD

log "starting $RABBITMQ_NODENAME on 127.0.0.1:$RABBITMQ_PORT (distribution port $RABBITMQ_DIST_PORT), data $data"
# shellcheck source=lib/supervise.sh
source "$script_dir/lib/supervise.sh"
set +e
# RabbitMQ's own start script turns SIGTERM into a graceful stop of the Erlang node.
supervise_server rabbitmq TERM "$RABBITMQ_HOME_BIN/rabbitmq-server"
status=$?
# Only once asked to stop: a node that died (kill -9) is started again on its data.
if [[ "${DELETE_DATA_DIR_ON_EXIT:-0}" == "1" ]] && supervise_asked_to_stop; then
    cd /
    rm -rf -- "$data"
fi
exit "$status"
