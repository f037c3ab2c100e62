#!/usr/bin/env bash
# Installs what is missing (PostgreSQL 15, RabbitMQ), then runs the whole platform through the
# Aspire AppHost: gateway on http://localhost:5080, Aspire dashboard on http://localhost:15888.
# Data lives in .data/ (Infrastructure__DataDir overrides); stop with Ctrl+C or SIGTERM.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-prerequisites.sh

# `dotnet run` checks the whole build every time, which takes seconds even when nothing changed:
# build only when something under the projects changed since the last build from here.
stamp=AppHost/obj/run-build.stamp
changed() {
    [[ ! -f "$stamp" ]] || [[ -n "$(find AppHost ServiceDefaults services gateway Directory.Build.props Directory.Packages.props global.json \
        \( -name bin -o -name obj \) -prune -o -newer "$stamp" -print -quit)" ]]
}
if changed; then
    started=$(date +%s)
    dotnet build AppHost -nologo -v quiet
    # The time the build began: an edit made while it ran still counts as a change next time.
    touch -d "@$started" "$stamp"
fi
# Each .NET process recompiles its hot start-up code at tier 1 only once its start has been quiet this long
# (default 100 ms): with ten of them starting at once on two cores, that recompiling took a fifth of the
# start (docs/benchmarks.md). Inherited by the AppHost and everything it starts.
export DOTNET_TC_CallCountingDelayMs=${DOTNET_TC_CallCountingDelayMs:-10000}
exec dotnet run --project AppHost --launch-profile http --no-build -- "$@"
