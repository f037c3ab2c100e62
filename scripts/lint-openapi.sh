#!/usr/bin/env bash
# Lints the services' OpenAPI documents with Redocly's recommended rules (redocly.yaml at the
# repo root); exits non-zero on any error. The documents are saved to artifacts/openapi/ by each
# service's OpenApiDocumentTests, which fetch /openapi/v1.json from the app in process (no running
# platform). Without arguments this builds and runs just those tests first; with --saved it lints
# what the last test run saved (scripts/test.sh, right after running every test).
set -euo pipefail
cd "$(dirname "$0")/.."

services=(identity organizations venues dashboard personnel surveys assessments)
folder=artifacts/openapi

if [[ "${1:-}" != "--saved" ]]; then
    rm -rf "$folder"
    for service in "${services[@]}"; do
        project="tests/${service^}.Tests"
        dotnet test "$project" --filter "FullyQualifiedName~OpenApiDocumentTests" -warnaserror
    done
fi

missing=0
for service in "${services[@]}"; do
    if [[ ! -s "$folder/$service.json" ]]; then
        echo "lint-openapi: $folder/$service.json is missing: its service's OpenApiDocumentTests did not run or could not fetch it." >&2
        missing=1
    fi
done
((missing == 0)) || exit 1

# Redocly CLI 2.x needs Node.js 20.19+ or 22.12+; Debian 12's own Node.js 18 gets 1.34 (the same rules).
if node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit((a === 20 && b >= 19) || (a === 22 && b >= 12) || a > 22 ? 0 : 1)'; then
    cli=@redocly/cli@2.77.0
else
    cli=@redocly/cli@1.34.20
fi
echo "lint-openapi: $cli lint (redocly.yaml)"
NO_UPDATE_NOTIFIER=1 npx --yes "$cli" lint --config redocly.yaml
