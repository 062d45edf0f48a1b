#!/usr/bin/env bash
# The README's test command: installs what the tests need when it is missing, then runs every test.
#   bash tests/run.sh
# Debian packages come from apt, npm packages are pinned in tests/browser/package.json and its lock file.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '\n== %s\n' "$*"; }

need_apt=()
apt_missing() { dpkg -s "$1" >/dev/null 2>&1 || need_apt+=("$1"); }
# The browser gate (tests/KhuyenCong.Web.BrowserTests): Debian's Chromium (Playwright's own browser download cannot
# work here) with the Liberation fonts (the metric twin of Arial in the site's font stack, so layout checks measure
# the same text everywhere), a Java runtime for the Nu Html Checker, Node.js and npm for the pinned npm tools.
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
apt_missing fonts-liberation
command -v java >/dev/null 2>&1 || need_apt+=(default-jre-headless)
command -v node >/dev/null 2>&1 || need_apt+=(nodejs)
command -v npm >/dev/null 2>&1 || need_apt+=(npm)
# The scale-out suites: throwaway PostgreSQL and Redis servers (tests/services.sh), nginx in front of two nodes.
ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || need_apt+=(postgresql)
command -v redis-server >/dev/null 2>&1 || need_apt+=(redis-server)
command -v nginx >/dev/null 2>&1 || need_apt+=(nginx)
# The mail tests: a real SMTP server on 127.0.0.1 (Debian's aiosmtpd, run by Debian's own python3).
/usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1 || need_apt+=(python3-aiosmtpd)
for pkg in ${KC_APT_PACKAGES:-}; do apt_missing "$pkg"; done
if [ ${#need_apt[@]} -gt 0 ]; then
    log "installing Debian packages: ${need_apt[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${need_apt[@]}"
fi

# axe-core and vnu-jar at the versions in tests/browser/package-lock.json, reinstalled when the lock file changes.
# --ignore-scripts: vnu-jar's postinstall would download a Java runtime; the machine's java runs vnu.jar.
lock_hash=$(sha256sum tests/browser/package-lock.json | cut -d' ' -f1)
stamp=tests/browser/node_modules/.kc-lock-sha256
if [ "$(cat "$stamp" 2>/dev/null)" != "$lock_hash" ]; then
    log "npm ci (tests/browser)"
    (cd tests/browser && npm ci --ignore-scripts --no-audit --no-fund)
    echo "$lock_hash" >"$stamp"
fi

# Everything the browser gate needs is installed now: a missing piece fails its tests instead of skipping them.
export KC_BROWSER_REQUIRED=1

# PostgreSQL, Redis and SMTP on free 127.0.0.1 ports in a temporary folder, stopped at the end even on failure.
services=$(mktemp -d /tmp/kc-services.XXXXXX)
trap 'bash tests/services.sh stop "$services"' EXIT
log "starting PostgreSQL, Redis and SMTP in $services"
eval "$(bash tests/services.sh start "$services")"
echo "PostgreSQL: $KC_TEST_POSTGRES"
echo "Redis: $KC_TEST_REDIS"
echo "SMTP: $KC_TEST_SMTP (messages in $KC_TEST_SMTP_MAILDIR)"
# The tests that need these servers fail instead of skipping when they are missing.
export KC_SERVICES_REQUIRED=1

# Hundreds of test hosts start in one run, each watching its settings files; the per-user limit of inotify
# instances (128 on this machine) then fails host starts. The tests never edit settings files while running, so
# the watchers are turned off, and the limit is raised where the kernel allows it.
export DOTNET_hostBuilder__reloadConfigOnChange=false
sysctl -q -w fs.inotify.max_user_instances=1024 >/dev/null 2>&1 || true

# The operator's systemd unit must pass systemd's own check (the nginx site is run by the two-node test).
if command -v systemd-analyze >/dev/null 2>&1; then
    log "systemd-analyze verify deploy/systemd/khuyencong.service"
    verify=$(systemd-analyze verify deploy/systemd/khuyencong.service 2>&1 || true)
    if [ -n "$verify" ]; then echo "$verify"; echo "the systemd unit does not verify" >&2; exit 1; fi
fi

log "dotnet test (Release)"
results=$(mktemp -d)
set +e
dotnet test KhuyenCong.Web.sln -c Release --logger "trx;LogFilePrefix=kc" --results-directory "$results" 2>&1 | tee "$results/console.log"
status=${PIPESTATUS[0]}
set -e

# The integration suite a second time on PostgreSQL: every site gets its own database on the test server. Tests about
# SQLite itself (trait Provider=SqliteOnly) and tests that make their own PostgreSQL databases (Provider=OwnDatabase,
# already run above) are left out by the filter, so nothing is reported as skipped.
log "dotnet test on PostgreSQL (Release)"
pg_started=$(date +%s)
set +e
KC_TEST_PROVIDER=Postgres dotnet test tests/KhuyenCong.Web.Tests -c Release --no-build \
    --filter "Provider!=SqliteOnly&Provider!=OwnDatabase" \
    --logger "trx;LogFilePrefix=kc-postgres" --results-directory "$results" 2>&1 | tee "$results/console-postgres.log"
pg_status=${PIPESTATUS[0]}
set -e
echo "PostgreSQL pass: $(( $(date +%s) - pg_started )) s"
[ "$status" -ne 0 ] || status=$pg_status

# One plain closing line summing every test assembly's counts.
python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
passed = failed = skipped = 0
for path in glob.glob(sys.argv[1] + "/*.trx"):
    counters = ET.parse(path).getroot().find(".//{*}Counters")
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0))
    skipped += int(counters.get("notExecuted", 0))
print(f"\ntests: {passed} passed, {failed} failed, {skipped} skipped")
if passed == 0:
    sys.exit(1)
PY
rm -rf "$results"
exit "$status"
