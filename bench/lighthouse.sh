#!/usr/bin/env bash
# Lighthouse scores of the public site, in Debian's Chromium.
#
# Publishes the app (Release) into a throw-away folder laid out like the container image (the app with wwwroot/
# and content/ beside it), starts it in Production on a free port of 127.0.0.1 with a fresh data folder (the
# starting content is imported on first start), then runs Lighthouse 12.2.3 (bench/lighthouse/package-lock.json,
# installed with npm ci) on the home page, the news list and an article, mobile preset (Lighthouse's default),
# categories performance, accessibility, best-practices and seo. Prints the four scores per page as a Markdown
# table, then every audit that did not pass, so that each point lost can be fixed or explained.
#
# Usage: bash bench/lighthouse.sh [--keep]
#   --keep   keep the temporary folder (published app, data, Lighthouse JSON reports, app log)
# Requirements: dotnet SDK, python3, curl; chromium, nodejs and npm are installed with apt-get when missing.
# Everything runs against 127.0.0.1 only.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$BENCH_DIR")
KEEP=0
[[ "${1:-}" == "--keep" ]] && KEEP=1

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { echo "lighthouse.sh: $*" >&2; exit 1; }

# --- tools ------------------------------------------------------------------------------------------------
need=()
[[ -x /usr/bin/chromium ]] || need+=(chromium)
command -v node >/dev/null 2>&1 || need+=(nodejs)
command -v npm >/dev/null 2>&1 || need+=(npm)
if [[ ${#need[@]} -gt 0 ]]; then
    log "installing ${need[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
lock_hash=$(sha256sum "$BENCH_DIR/lighthouse/package-lock.json" | cut -d' ' -f1)
if [[ "$(cat "$BENCH_DIR/lighthouse/node_modules/.kc-lock-sha256" 2>/dev/null)" != "$lock_hash" ]]; then
    log "npm ci (bench/lighthouse)"
    (cd "$BENCH_DIR/lighthouse" && npm ci --ignore-scripts --no-audit --no-fund >&2)
    echo "$lock_hash" >"$BENCH_DIR/lighthouse/node_modules/.kc-lock-sha256"
fi
LIGHTHOUSE="$BENCH_DIR/lighthouse/node_modules/.bin/lighthouse"

TMP=$(mktemp -d /tmp/kc-lighthouse.XXXXXX)
APP_PID=""
cleanup() {
    if [[ -n "$APP_PID" ]]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi
    if [[ $KEEP == 1 ]]; then log "kept $TMP"; else rm -rf "$TMP"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- build and start ----------------------------------------------------------------------------------------
log "publishing the app (Release)"
dotnet publish "$REPO/src/KhuyenCong.Web" -c Release -o "$TMP/app" --nologo >"$TMP/publish.log" 2>&1 \
    || { tail -30 "$TMP/publish.log" >&2; die "dotnet publish failed"; }
cp -r "$REPO/wwwroot" "$REPO/content" "$TMP/app/"

PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
APP="http://127.0.0.1:$PORT"
mkdir -p "$TMP/data" "$TMP/reports"
log "starting the app on $APP"
(cd "$TMP/app" && exec env Data__Path="$TMP/data" ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$APP" \
    dotnet KhuyenCong.Web.dll) >"$TMP/app.log" 2>&1 &
APP_PID=$!
deadline=$((SECONDS + 120))
until [[ "$(curl -s -o /dev/null -m 5 -w '%{http_code}' "$APP/healthz" || true)" == 200 ]]; do
    kill -0 "$APP_PID" 2>/dev/null || { tail -30 "$TMP/app.log" >&2; die "the app exited"; }
    (( SECONDS < deadline )) || { tail -30 "$TMP/app.log" >&2; die "/healthz not 200 after 120 s"; }
    sleep 0.5
done

ARTICLE=$(curl -s "$APP/tin-tuc" | grep -oE 'class="card-title"><a href="/tin-tuc/[a-z0-9-]+"' | head -1 | grep -oE '/tin-tuc/[a-z0-9-]+')
[[ -n "$ARTICLE" ]] || die "no article link on /tin-tuc"
PAGES=("home /" "news-list /tin-tuc" "article $ARTICLE")

# Warm up: the first request of each page JIT-compiles its code; Lighthouse should measure the site, not that.
for entry in "${PAGES[@]}"; do
    for _ in 1 2 3; do curl -s -o /dev/null "$APP${entry#* }"; done
done

# --- Lighthouse ----------------------------------------------------------------------------------------------
# The Chromium flags the machine needs (no sandbox as root, no GPU, nothing that phones home on a closed network).
CHROME_FLAGS="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run --disable-quic"
for entry in "${PAGES[@]}"; do
    name=${entry%% *}
    log "lighthouse $APP${entry#* }"
    CHROME_PATH=/usr/bin/chromium "$LIGHTHOUSE" "$APP${entry#* }" --quiet \
        --chrome-flags="$CHROME_FLAGS" \
        --only-categories=performance,accessibility,best-practices,seo \
        --output=json --output-path="$TMP/reports/$name.json" >"$TMP/reports/$name.log" 2>&1 \
        || { tail -20 "$TMP/reports/$name.log" >&2; die "lighthouse failed on $name"; }
done

python3 - "$TMP/reports" "$APP" "${PAGES[@]}" <<'PY'
import json, sys
folder, app, pages = sys.argv[1], sys.argv[2], sys.argv[3:]
cats = ["performance", "accessibility", "best-practices", "seo"]
print("| page | URL | performance | accessibility | best practices | SEO |")
print("|---|---|---:|---:|---:|---:|")
details = []
for entry in pages:
    name, path = entry.split(" ", 1)
    report = json.load(open(f"{folder}/{name}.json"))
    scores = [round(report["categories"][c]["score"] * 100) for c in cats]
    print(f"| {name} | `{path}` | " + " | ".join(str(s) for s in scores) + " |")
    for c in cats:
        for ref in report["categories"][c]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if audit.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings") and audit.get("score") is not None and audit["score"] < 1:
                value = audit.get("displayValue", "")
                details.append(f"- {name} / {c}: {ref['id']} (score {audit['score']:.2f}, weight {ref['weight']}) {audit['title']}" + (f": {value}" if value else ""))
print()
print("Audits below full marks:" if details else "Every scored audit at full marks.")
print("\n".join(details))
PY
