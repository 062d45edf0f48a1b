#!/usr/bin/env bash
# The README's test command: installs what the tests need when it is missing, then runs every test.
#   bash tests/run.sh
# Debian packages come from apt, npm packages are pinned in tests/browser/package.json (when present).
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '\n== %s\n' "$*"; }

need_apt=()
apt_missing() { dpkg -s "$1" >/dev/null 2>&1 || need_apt+=("$1"); }
# Nothing outside .NET is needed yet beyond what the SDK image has; later gates add packages here.
for pkg in ${KC_APT_PACKAGES:-}; do apt_missing "$pkg"; done
if [ ${#need_apt[@]} -gt 0 ]; then
    log "installing Debian packages: ${need_apt[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${need_apt[@]}"
fi

log "dotnet test (Release)"
results=$(mktemp -d)
set +e
dotnet test KhuyenCong.Web.sln -c Release --logger "trx;LogFilePrefix=kc" --results-directory "$results" 2>&1 | tee "$results/console.log"
status=${PIPESTATUS[0]}
set -e

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
