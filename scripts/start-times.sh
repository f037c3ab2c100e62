#!/usr/bin/env bash
# Starts the platform as scripts/run.sh does, prints the seconds from the start to each
# resource's healthy state and to "the demo city visible through the gateway", then stops
# everything it started. Use it to see where a slower start comes from.
#
#   scripts/start-times.sh            warm start: the data in .data/ (or Infrastructure__DataDir)
#   scripts/start-times.sh --first    first start: a fresh, empty data folder, deleted afterwards
#
# It uses the run-mode ports (gateway 5080, dashboard 15888): nothing else may run the platform
# at the same time (on a shared machine: flock <lock file> scripts/start-times.sh).
# START_TIMES_TIMEOUT (seconds, default 240) bounds the wait.
set -euo pipefail
cd "$(dirname "$0")/.."

first=""
[[ "${1:-}" == "--first" ]] && first=1
timeout=${START_TIMES_TIMEOUT:-240}
gateway=http://localhost:${Ports__gateway:-5080}

work=$(mktemp -d)
log=$work/apphost.log
if [[ -n "$first" ]]; then
    export Infrastructure__DataDir=$work/data
fi

# A count from a JSON answer, or 0 when there was none (yet).
count() { local n; n=$(jq -r "$1" 2>/dev/null | head -n1); [[ "$n" =~ ^[0-9]+$ ]] && echo "$n" || echo 0; }
since() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%6.1f", b - a }'; }

# Clocks from bash itself and a poll twice a second: the polling shares the two cores with the start it measures.
start=$EPOCHREALTIME
setsid scripts/run.sh >"$log" 2>&1 &
run_pid=$!

stop() {
    if kill -0 "$run_pid" 2>/dev/null; then
        # The whole session: run.sh has exec'd `dotnet run`, which started the AppHost, which
        # stops its resources on SIGTERM.
        kill -TERM -- "-$run_pid" 2>/dev/null || true
        for _ in $(seq 1 600); do
            kill -0 "$run_pid" 2>/dev/null || break
            sleep 0.1
        done
        kill -0 "$run_pid" 2>/dev/null && { echo "start-times: the AppHost did not stop within 60 s; killing it" >&2; kill -KILL -- "-$run_pid" 2>/dev/null || true; }
    fi
    # The server scripts stop their servers once the AppHost is gone (PARENT_PID); wait for that
    # before the throwaway data folder goes.
    for _ in $(seq 1 300); do
        pgrep -f -- "$work" >/dev/null || break
        sleep 0.1
    done
    rm -rf -- "$work"
}
trap stop EXIT

token=""
token_at=0
organizations_at=""
dashboard_at=""
deadline=$(awk -v s="$start" -v t="$timeout" 'BEGIN { printf "%d", s + t }')
while [[ -z "$dashboard_at" ]]; do
    if ((EPOCHSECONDS > deadline)); then
        echo "start-times: the demo city was not visible within ${timeout} s; the AppHost's log:" >&2
        tail -40 "$log" >&2
        exit 1
    fi
    kill -0 "$run_pid" 2>/dev/null || { echo "start-times: the AppHost exited:" >&2; tail -40 "$log" >&2; exit 1; }

    # A fresh token each minute: a slow start may outlast one.
    if [[ -z "$token" ]] || ((EPOCHSECONDS - token_at > 60)); then
        token_at=$EPOCHSECONDS
        token=$(curl -sf --max-time 5 "$gateway/connect/token" -d grant_type=client_credentials \
            -d client_id=city-admin-system -d client_secret=dev-secret-city-admin | jq -r '.access_token // empty' 2>/dev/null || true)
    fi
    if [[ -n "$token" ]]; then
        auth="Authorization: Bearer $token"
        # The demo city through the gateway: Organizations lists its villages, and the Dashboard's
        # copy (built from events) holds as many.
        villages=$(curl -sf --max-time 5 -H "$auth" "$gateway/api/organizations/units?level=Village&pageSize=1" | count '.totalCount // 0') || true
        if ((villages > 0)); then
            [[ -n "$organizations_at" ]] || organizations_at=$EPOCHREALTIME
            copied=$(curl -sf --max-time 5 -H "$auth" "$gateway/api/dashboard/tree/counties" | count '[.[] | .villages + .communities] | add // 0') || true
            ((copied == villages)) && dashboard_at=$EPOCHREALTIME
        fi
    fi
    [[ -n "$dashboard_at" ]] || sleep 0.5
done

echo "Start times ($([[ -n "$first" ]] && echo "first start, empty data folder" || echo "warm start")), seconds after scripts/run.sh began:"
# The AppHost logs when each resource started and became healthy (AppHost/Diagnostics/StartTimeline.cs).
apphost_started=""
while read -r resource step at after; do
    [[ -n "$apphost_started" ]] || apphost_started=$(awk -v a="$(date -d "$at" +%s.%N)" -v s="$after" 'BEGIN { printf "%.3f", a - s }')
    printf '  %s  %s %s\n' "$(since "$start" "$(date -d "$at" +%s.%N)")" "$resource" "$step"
done < <(grep -o 'Start timeline: [^ ]* [a-z]* at [^,]*, [0-9.]* s' "$log" | awk '{ print $3, $4, $6, $7 }' | tr -d ',')
[[ -n "$apphost_started" ]] && printf '  %s  AppHost process started (build check, restore, launch before it)\n' "$(since "$start" "$apphost_started")"
printf '  %s  demo city listed by Organizations through the gateway (%s villages)\n' "$(since "$start" "$organizations_at")" "$villages"
printf '  %s  demo city complete in the Dashboard'"'"'s copy through the gateway\n' "$(since "$start" "$dashboard_at")"
