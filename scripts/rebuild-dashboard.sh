#!/usr/bin/env bash
# Rebuilds the Dashboard's read model from scratch on a running platform: empties its copies and asks every
# source (Organizations, Venues, Personnel, Surveys, Assessments) to publish its current state again. The figures
# fill up again within seconds to minutes (the demo city: about a minute); GET /api/dashboard/rebuilds lists rebuilds.
#   scripts/rebuild-dashboard.sh                       # the demo city's city administrator, http://localhost:5080
#   GATEWAY=https://... CLIENT_ID=... CLIENT_SECRET=... scripts/rebuild-dashboard.sh
# The client must be a machine client with the CityAdministrator role (services/Identity/README.md).
set -euo pipefail
gateway=${GATEWAY:-http://localhost:5080}
client_id=${CLIENT_ID:-city-admin-system}
client_secret=${CLIENT_SECRET:-dev-secret-city-admin}

token_response=$(curl --silent --show-error --fail-with-body "$gateway/connect/token" \
    --data-urlencode grant_type=client_credentials --data-urlencode "client_id=$client_id" --data-urlencode "client_secret=$client_secret") || {
    echo "rebuild-dashboard: no token for $client_id from $gateway/connect/token: $token_response" >&2
    exit 1
}
token=$(sed -n 's/.*"access_token" *: *"\([^"]*\)".*/\1/p' <<<"$token_response")

curl --silent --show-error --fail-with-body -X POST "$gateway/api/dashboard/rebuilds" -H "Authorization: Bearer $token" || {
    echo >&2
    echo "rebuild-dashboard: the rebuild was refused (above)." >&2
    exit 1
}
echo
