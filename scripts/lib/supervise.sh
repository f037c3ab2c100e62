# shellcheck shell=bash
# Sourced by the *-server.sh scripts: runs a server as a child process and stays in the
# foreground with it.
#
#   supervise_server NAME STOP_SIGNAL command [args...]
#
# - SIGTERM, SIGINT and SIGHUP to this shell become STOP_SIGNAL to the server (each server has
#   its own "clean but prompt" signal).
# - PARENT_PID (optional): when that process disappears (e.g. a test run that was killed), the
#   server is stopped the same way, so no orphan keeps its port and data folder.
#   PARENT_GRACE_SECONDS (default 0) first leaves an orchestrator that outlives the parent (DCP
#   after the AppHost) time to stop everything in its own order.
# - Returns with the server's exit status; 1 when it ended without being asked to
#   (supervise_asked_to_stop tells which).

supervise_server() {
    local name=$1 stop_signal=$2
    shift 2
    _sv_name=$name
    _sv_stop_signal=$stop_signal
    _sv_stopping=""

    "$@" &
    _sv_server_pid=$!

    trap '_sv_stop' TERM INT HUP
    trap '_sv_log "parent process ${PARENT_PID:-} is gone; stopping"; _sv_stop' USR1

    local watcher=""
    if [[ -n "${PARENT_PID:-}" ]]; then
        # A separate watcher, so that the main shell can block in `wait` and react at once.
        local me=$$
        (
            trap - TERM INT HUP USR1
            while kill -0 "$PARENT_PID" 2>/dev/null && kill -0 "$me" 2>/dev/null; do
                sleep 1
            done
            for _ in $(seq 1 "${PARENT_GRACE_SECONDS:-0}"); do
                kill -0 "$me" 2>/dev/null || exit 0
                sleep 1
            done
            kill -USR1 "$me" 2>/dev/null
        ) </dev/null >/dev/null 2>&1 &
        watcher=$!
    fi

    local rc status=""
    while [[ -z "$status" ]]; do
        rc=0
        wait "$_sv_server_pid" || rc=$?
        # A trapped signal interrupts `wait` (rc > 128) while the server still runs: wait again.
        if kill -0 "$_sv_server_pid" 2>/dev/null; then
            continue
        fi
        if ((rc > 128)); then
            # The server ended during the trap; fetch its real status if bash still holds it.
            local again=0
            wait "$_sv_server_pid" 2>/dev/null || again=$?
            ((again != 127)) && rc=$again
        fi
        status=$rc
    done

    [[ -n "$watcher" ]] && kill "$watcher" 2>/dev/null
    if [[ -z "$_sv_stopping" && "$status" == 0 ]]; then
        # Nobody asked it to stop (e.g. a failed boot that exits 0): report a failure.
        _sv_log "$name exited on its own"
        status=1
    fi
    _sv_log "$name exited with status $status"
    return "$status"
}

# After supervise_server: true when the server was asked to stop (a signal, or the parent gone), false
# when it died by itself (a crash, kill -9), after which a supervisor starts it again on the same data.
supervise_asked_to_stop() { [[ -n "${_sv_stopping:-}" ]]; }

_sv_log() { echo "${_sv_name:-server}-supervisor: $*" >&2; }

_sv_stop() {
    _sv_stopping=1
    kill "-$_sv_stop_signal" "$_sv_server_pid" 2>/dev/null || true
}
