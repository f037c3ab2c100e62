# shellcheck shell=bash
# Sourced by rabbitmq-server.sh and rabbitmqctl.sh: the environment that ties a RabbitMQ node
# and its CLI tools to one data folder. The CLI authenticates with the Erlang cookie in HOME,
# so node and CLI must share HOME and the node name.

rabbitmq_node_env() {
    local data=$1
    [[ -s "$data/nodename" ]] || { echo "no RabbitMQ node in $data (nodename file missing)" >&2; return 1; }
    export HOME=$data/home
    export RABBITMQ_NODENAME=${RABBITMQ_NODENAME:-$(<"$data/nodename")}
    export RABBITMQ_MNESIA_BASE=$data/mnesia
    export RABBITMQ_PID_FILE=$data/rabbitmq.pid
    export RABBITMQ_CONFIG_FILE=$data/config/rabbitmq.conf
    export RABBITMQ_ADVANCED_CONFIG_FILE=$data/config/advanced.config
    export RABBITMQ_ENABLED_PLUGINS_FILE=$data/config/enabled_plugins
    # An empty env file of our own, so that /etc/rabbitmq/rabbitmq-env.conf does not apply.
    export RABBITMQ_CONF_ENV_FILE=$data/config/rabbitmq-env.conf
}
