#!/usr/bin/env bash
# Re-fetches the web app's third-party libraries from the npm registry and vendors them as files.
#
#   scripts/web-vendor.sh          install exactly web/package-lock.json, copy the files the app
#                                  loads into server/src/main/resources/web/vendor (and axe-core,
#                                  which only the browser tests load, into the test resources), and
#                                  record their SHA-256 in web/vendor.sha256
#   scripts/web-vendor.sh --check  install the same way and fail if any vendored file differs from
#                                  what the registry serves for the locked versions
#
# `npm ci` checks every tarball against the lockfile's integrity hash (sha512) before it unpacks
# anything, so a file that reaches the app is the one the lockfile names. Needs Node and npm; the
# server and its tests do not (the vendored files are committed).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
mode=${1:-write}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cp "$root/web/package.json" "$root/web/package-lock.json" "$work/"
(cd "$work" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
modules="$work/node_modules"

# source in node_modules -> destination under the repository
files=(
  "preact/dist/preact.mjs=server/src/main/resources/web/vendor/preact/preact.mjs"
  "preact/hooks/dist/hooks.mjs=server/src/main/resources/web/vendor/preact/hooks.mjs"
  "preact/LICENSE=server/src/main/resources/web/vendor/preact/LICENSE"
  "htm/dist/htm.mjs=server/src/main/resources/web/vendor/htm/htm.mjs"
  "htm/LICENSE=server/src/main/resources/web/vendor/htm/LICENSE"
  "lean-qr/index.mjs=server/src/main/resources/web/vendor/lean-qr/index.mjs"
  "lean-qr/extras/svg.mjs=server/src/main/resources/web/vendor/lean-qr/svg.mjs"
  "lean-qr/LICENSE=server/src/main/resources/web/vendor/lean-qr/LICENSE"
  "lightweight-charts/dist/lightweight-charts.standalone.production.mjs=server/src/main/resources/web/vendor/lightweight-charts/lightweight-charts.mjs"
  "lightweight-charts/LICENSE=server/src/main/resources/web/vendor/lightweight-charts/LICENSE"
  "axe-core/axe.min.js=server/src/test/resources/web-test/axe.min.js"
  "axe-core/LICENSE=server/src/test/resources/web-test/axe-core.LICENSE"
)

status=0
sums="$work/vendor.sha256"
: >"$sums"
for entry in "${files[@]}"; do
  source="$modules/${entry%%=*}"
  target="$root/${entry#*=}"
  if [ "$mode" = "--check" ]; then
    if ! cmp -s "$source" "$target"; then
      echo "web-vendor: ${entry#*=} differs from ${entry%%=*} in the locked package" >&2
      status=1
    fi
  else
    mkdir -p "$(dirname "$target")"
    cp "$source" "$target"
  fi
  (cd "$root" && sha256sum "${entry#*=}") >>"$sums"
done

if [ "$mode" = "--check" ]; then
  [ $status -eq 0 ] && echo "web-vendor: every vendored file matches the registry's locked packages"
  exit $status
fi
cp "$sums" "$root/web/vendor.sha256"
echo "web-vendor: vendored ${#files[@]} files; checksums in web/vendor.sha256"
