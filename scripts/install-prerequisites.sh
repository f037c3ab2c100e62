#!/usr/bin/env bash
# Installs the server binaries that the AppHost runs when no container engine is available
# (Debian/Ubuntu packages): PostgreSQL 15 and RabbitMQ; Node.js with npm, which builds the Dashboard's
# web page and runs the OpenAPI lint (scripts/lint-openapi.sh); and Chromium with the Noto CJK fonts, for
# the browser test of that page (without the fonts Chinese renders as empty boxes).
# Idempotent: a fast no-op when all are present.
#
# The packaged services are NOT started: a temporary policy-rc.d that exits 101 tells
# invoke-rc.d to skip them, because the platform runs its own private server processes
# (scripts/postgres-server.sh, scripts/rabbitmq-server.sh) with data under the repo.
set -euo pipefail

# The files whose presence means "installed" (overridable only to exercise this script).
PG_SERVER_BIN=${PG_SERVER_BIN:-/usr/lib/postgresql/15/bin/postgres}
RABBITMQ_SERVER_BIN=${RABBITMQ_SERVER_BIN:-/usr/lib/rabbitmq/bin/rabbitmq-server}
NPX_BIN=${NPX_BIN:-npx}
CHROMIUM_BIN=${CHROMIUM_BIN:-/usr/bin/chromium}
NOTO_CJK_FONT=${NOTO_CJK_FONT:-/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc}
POLICY_RC_D=/usr/sbin/policy-rc.d

packages=()
[[ -x "$PG_SERVER_BIN" ]] || packages+=(postgresql-15)
[[ -x "$RABBITMQ_SERVER_BIN" ]] || packages+=(rabbitmq-server)
command -v "$NPX_BIN" >/dev/null 2>&1 || packages+=(nodejs npm)
[[ -x "$CHROMIUM_BIN" ]] || packages+=(chromium)
[[ -f "$NOTO_CJK_FONT" ]] || packages+=(fonts-noto-cjk)

if ((${#packages[@]} == 0)); then
    echo "install-prerequisites: PostgreSQL 15, RabbitMQ, Node.js, Chromium and the CJK fonts are already installed."
    exit 0
fi

# Root runs apt directly; anyone else needs sudo.
if ((EUID == 0)); then
    as_root=()
elif command -v sudo >/dev/null 2>&1; then
    as_root=(sudo)
else
    cat >&2 <<EOF
install-prerequisites: missing Debian packages: ${packages[*]}
This script needs root (or sudo) to install them. As root, run:
    apt-get update && apt-get install -y --no-install-recommends ${packages[*]}
(The packaged services need not run: the platform starts its own server processes.)
EOF
    exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-prerequisites: apt-get not found; install ${packages[*]} (PostgreSQL 15 server, RabbitMQ server, Node.js with npm, Chromium, Noto CJK fonts) with your package manager." >&2
    exit 1
fi

echo "install-prerequisites: installing ${packages[*]}"

# Keep apt from starting the packaged services; put back whatever policy was there before.
policy_backup=""
restore_policy() {
    if [[ -n "$policy_backup" ]]; then
        "${as_root[@]}" mv -f "$policy_backup" "$POLICY_RC_D"
    else
        "${as_root[@]}" rm -f "$POLICY_RC_D"
    fi
}
if [[ -e "$POLICY_RC_D" ]]; then
    policy_backup=$("${as_root[@]}" mktemp "${POLICY_RC_D}.partyplatform-backup.XXXXXX")
    "${as_root[@]}" cp -p "$POLICY_RC_D" "$policy_backup"
fi
trap restore_policy EXIT
printf '#!/bin/sh\nexit 101\n' | "${as_root[@]}" tee "$POLICY_RC_D" >/dev/null
"${as_root[@]}" chmod 755 "$POLICY_RC_D"

export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${packages[@]}"

for bin in "$PG_SERVER_BIN" "$RABBITMQ_SERVER_BIN" "$CHROMIUM_BIN"; do
    if [[ ! -x "$bin" ]]; then
        echo "install-prerequisites: $bin is still missing after the install." >&2
        exit 1
    fi
done
if ! command -v "$NPX_BIN" >/dev/null 2>&1; then
    echo "install-prerequisites: $NPX_BIN is still missing after the install." >&2
    exit 1
fi
if [[ ! -f "$NOTO_CJK_FONT" ]]; then
    echo "install-prerequisites: $NOTO_CJK_FONT is still missing after the install." >&2
    exit 1
fi
echo "install-prerequisites: done."
