#!/usr/bin/env bash
# Installs what is missing (PostgreSQL 15, RabbitMQ), then runs the whole platform through the
# Aspire AppHost: gateway on http://localhost:5080, Aspire dashboard on http://localhost:15888.
# Data lives in .data/ (Infrastructure__DataDir overrides); stop with Ctrl+C or SIGTERM.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-prerequisites.sh
exec dotnet run --project AppHost --launch-profile http -- "$@"
