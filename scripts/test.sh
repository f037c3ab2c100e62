#!/usr/bin/env bash
# Installs what is missing (PostgreSQL 15, RabbitMQ, Node.js for the OpenAPI lint), builds, runs every
# test, and lints the OpenAPI documents the tests saved (scripts/lint-openapi.sh). The tests start their
# own throwaway PostgreSQL and RabbitMQ (and the end-to-end tests the whole AppHost).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-prerequisites.sh
dotnet build PartyPlatform.sln -warnaserror

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
# Each service's OpenApiDocumentTests saves its document here for the lint; none may be left from an earlier run.
rm -rf artifacts/openapi
dotnet test PartyPlatform.sln --no-build 2>&1 | tee "$log" || status=$?
scripts/lint-openapi.sh --saved || status=1

# One closing line over every test project: "N passed, N failed".
awk '/(Passed|Failed)! +- +Failed:/ { gsub(",", ""); failed += $4; passed += $6 } END { printf "tests: %d passed, %d failed\n", passed, failed }' "$log"
if ! grep -qE '(Passed|Failed)! +- +Failed:' "$log"; then
  echo "no test ran" >&2
  status=1
fi
exit "$status"
