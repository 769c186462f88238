#!/usr/bin/env bash
# The two set-up commands of the README:
#   bash scripts/run.sh demo   install what is missing, build (Release), run dossier on samples/
#   bash scripts/run.sh test   the same set-up, then every test (release and ASan/UBSan builds)
# Run as root on Debian 12. Idempotent: installed packages and finished builds are reused.
set -euo pipefail
cd "$(dirname "$0")/.."

mode="${1:-}"
case "$mode" in
  demo|test) ;;
  *) echo "usage: bash scripts/run.sh demo|test" >&2; exit 2 ;;
esac

install_missing() {
  local wanted missing=()
  wanted=$(grep -v '^\s*#' scripts/packages.txt | grep -v '^\s*$')
  for p in $wanted; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "== installing: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
}

build() {  # $1 = preset
  cmake --preset "$1" >/dev/null
  cmake --build --preset "$1"
}

# The web UI's front-end packages (web/package.json, locked by
# web/package-lock.json), before the build copies them into build/web.
# Skipped when node_modules already matches the lock file.
install_web_packages() {
  if ! command -v npm >/dev/null; then
    echo "== npm not found: the web UI is built without its packages" >&2
    return
  fi
  # npm writes node_modules/.package-lock.json: the packages it installed.
  if python3 - <<'PY' 2>/dev/null; then return; fi
import json, sys
lock = json.load(open("web/package-lock.json"))["packages"]
have = json.load(open("web/node_modules/.package-lock.json"))["packages"]
lock.pop("", None)
sys.exit(0 if all(have.get(k, {}).get("version") == v.get("version") for k, v in lock.items()) else 1)
PY
  echo "== npm ci (web/)"
  (cd web && npm ci --no-audit --no-fund)
}

install_missing
install_web_packages
build release

case "$mode" in
  demo)
    rm -f build/demo.db build/demo.db-wal build/demo.db-shm
    echo "== dossier ingest samples/"
    build/dossier --db build/demo.db ingest samples/
    echo "== dossier stats"
    build/dossier --db build/demo.db stats
    echo "== dossier stories (storylines, their events and sources)"
    build/dossier --db build/demo.db stories
    echo "== dossier entities (the actors, with all their names)"
    build/dossier --db build/demo.db entities --limit 12
    echo "== dossier quotes (who said what)"
    build/dossier --db build/demo.db quotes --limit 12
    echo "== dossier conflicts (where the sources disagree)"
    build/dossier --db build/demo.db conflicts
    ;;
  test)
    echo "== tests (release)"
    ctest --preset release -j2
    echo "== tests (AddressSanitizer + UBSan)"
    build asan
    ctest --preset asan -j2
    ;;
esac
