#!/usr/bin/env bash
# Runs rabbitmqctl against the node of RABBITMQ_DATA_DIR (started by rabbitmq-server.sh),
# e.g.  RABBITMQ_DATA_DIR=.data/rabbitmq scripts/rabbitmqctl.sh add_vhost test-1
set -euo pipefail
: "${RABBITMQ_DATA_DIR:?RABBITMQ_DATA_DIR is required}"
script_dir=$(dirname -- "$(realpath -- "${BASH_SOURCE[0]}")")
# shellcheck source=lib/rabbitmq-env.sh
source "$script_dir/lib/rabbitmq-env.sh"
rabbitmq_node_env "$(realpath -m -- "$RABBITMQ_DATA_DIR")"
export ERL_CRASH_DUMP=/dev/null
exec "${RABBITMQ_HOME_BIN:-/usr/lib/rabbitmq/bin}/rabbitmqctl" "$@"
