#!/usr/bin/env bash
# `npm test`: make sure what the tests need is here, then run every test.
#   npm packages    `npm ci` when node_modules is missing or older than package-lock.json
#   Chromium        Debian's, installed with apt-get when missing and this is root (CHROMIUM_PATH overrides)
#   PostgreSQL      TEST_DATABASE_URL, or the local server at 127.0.0.1:5432 (started when it is
#                   installed and down); TEST_DATABASE_URL= (empty) runs the database tests on PGlite only
# A prerequisite that cannot be had stops the run at once with one line saying what to do.
set -uo pipefail
cd "$(dirname "$0")/.."
export TURBO_TELEMETRY_DISABLED=1

logs=$(mktemp -d -t pm-test-XXXXXX)
say() { echo "npm test: $*"; }
stop() {
  echo "npm test: $*" >&2
  exit 1
}
can_install() { [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; }

node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)' ||
  stop "Node $(node --version) is too old: install Node.js 20.19 or newer"

# --- npm packages ---
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages (npm ci)"
  npm ci --no-audit --no-fund >"$logs/npm-ci.log" 2>&1 ||
    stop "npm packages could not be installed: 'npm ci' failed (log: $logs/npm-ci.log); check that the npm registry can be reached"
fi

# --- Chromium for the end-to-end tests ---
chromium=${CHROMIUM_PATH:-/usr/bin/chromium}
if [ ! -x "$chromium" ]; then
  [ -z "${CHROMIUM_PATH:-}" ] ||
    stop "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable file: point it at a Chromium binary, or unset it to use Debian's /usr/bin/chromium"
  can_install ||
    stop "Chromium is missing: install Debian's with 'sudo apt-get install -y chromium' (or set CHROMIUM_PATH), then run npm test again"
  say "installing Debian's Chromium (apt-get install chromium)"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } >"$logs/apt.log" 2>&1 ||
    stop "Chromium is missing and 'apt-get install chromium' failed (log: $logs/apt.log); check that Debian's package mirror can be reached"
fi
"$chromium" --version >/dev/null 2>&1 ||
  stop "Chromium at $chromium does not start ('$chromium --version' fails): reinstall it with 'apt-get install --reinstall -y chromium'"
export CHROMIUM_PATH=$chromium

# --- PostgreSQL for the database tests ---
local_url=postgres://postgres@127.0.0.1:5432/test
if [ -z "${TEST_DATABASE_URL+set}" ]; then
  url=$local_url explicit=no
else
  url=$TEST_DATABASE_URL explicit=yes
fi
if [ -n "$url" ]; then
  if [ "$url" = "$local_url" ] && command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ] &&
    ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
    say "starting the local PostgreSQL"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | tail -n 1)" main start >"$logs/pg.log" 2>&1
    for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null && break; sleep 1; done
  fi
  if problem=$(node scripts/check-postgres.mjs "$url" 2>&1); then
    export TEST_DATABASE_URL=$url
    say "database tests run on PGlite and on PostgreSQL ($url)"
  elif [ "$explicit" = yes ]; then
    stop "TEST_DATABASE_URL: $problem; fix the URL or the server, or set TEST_DATABASE_URL= (empty) to test on PGlite only"
  else
    export TEST_DATABASE_URL=
    say "database tests run on PGlite only: no local PostgreSQL ($problem); set TEST_DATABASE_URL to add one"
  fi
else
  say "database tests run on PGlite only (TEST_DATABASE_URL is empty)"
fi

# --- every test ---
prettier --check . --log-level warn || stop "formatting differs in the files listed above: run 'npm run format'"
# This command's own checks first (they run it with a prerequisite missing, so it stops early).
if [ -z "${PM_TEST_INNER:-}" ]; then
  PM_TEST_INNER=1 node --test scripts/ 2>&1 | tee "$logs/self.log"
  self=${PIPESTATUS[0]}
else
  exit 0
fi
turbo run typecheck lint test e2e --continue --concurrency=2 2>&1 | tee "$logs/turbo.log"
status=${PIPESTATUS[0]}
[ "$self" -eq 0 ] || status=1
# One closing line over every runner (vitest per package, Playwright).
plain=$(sed 's/\x1b\[[0-9;]*m//g' "$logs/turbo.log" | grep -E 'Tests +[0-9]+ (passed|failed)|^\S*:? *[0-9]+ (passed|failed) \(' || true)
plain+=$'\n'$(sed -nE 's/^# (pass|fail) ([0-9]+)$/\2 \1ed/p' "$logs/self.log")
count() { printf '%s\n' "$plain" | { grep -oE "[0-9]+ $1" || true; } | awk '{s+=$1} END {print s+0}'; }
echo "$(count passed) passed, $(count failed) failed"
rm -rf "$logs"
exit "$status"
