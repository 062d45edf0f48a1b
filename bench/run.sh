#!/usr/bin/env bash
# KhuyenCong.Web load benchmark.
#
# Generates N synthetic Vietnamese news articles, publishes the app (Release), imports the articles into a
# fresh SQLite database (timed), serves the site on 127.0.0.1, serves a saved copy of an article page with
# nginx as a static baseline, then measures each URL with wrk and prints a Markdown table (also written to
# bench/out/results-N.md). Everything runs in a throw-away folder under /tmp, removed at the end.
#
# Usage: bench/run.sh [options]
#   --articles N        synthetic articles to generate and import (default 1000; 100000 works)
#   --products N        also generate N products (+ N/5 establishments) and measure the product list with two
#                       facets applied and one product page (default 0: no products)
#   --duration S        wrk seconds per URL (default 10)
#   --connections C     wrk connections (default 64)
#   --threads T         wrk threads (default 2)
#   --port P            app port (default: a free port); nginx takes another free port
#   --warmup S          untimed wrk seconds per cached URL before measuring, for JIT tiering (default 2)
#   --search-warmup S   untimed wrk seconds of other varied searches before the varied search (default 60; 0: none,
#                       the figure is then the search's first seconds after start-up)
#   --latency-duration S  seconds of the 1-connection latency pass per URL (default: --duration, at most 5; 0 = off)
#   --quiet-seconds S   after the run, seconds without requests before the app's RSS is read a second time
#                       (default 25: the app gives back free C-allocator pages once quiet)
#   --max-other-cores X another job is taken to be running when, in the idle second before a URL, more than X
#                       CPU cores were busy (default 0.5); that URL then gets "rerun" instead of a ratio
#   --import-timeout S  give up on the import after S seconds (default 600 + 0.1 s per imported article)
#   --replicate K       import only N/K articles with the app, then copy them K-1 times by SQL
#                       (bench/replicate.sql.in) to reach N: for measuring a large site when the app's
#                       import of N articles takes too long. Default 1 (no copies). N must divide by K.
#   --provider P        sqlite (default) or postgres: the articles are imported into SQLite as always, then
#                       moved to a throwaway PostgreSQL server (tests/services.sh) with the copy-data verb
#   --nodes N           app processes serving the site (default 1); with N > 1 nginx spreads the requests over
#                       them (an upstream, as in deploy/nginx/khuyencong.conf) and the URLs are measured through it
#   --redis             keep the output cache in a throwaway Redis server (the default with --nodes > 1)
#   --app DIR           measure this published app folder instead of publishing src/ (e.g. a build
#                       kept from an earlier run while the sources are broken)
#   --keep              keep the temporary folder (content, database, logs, raw wrk output)
#   -h, --help          this help
#
# Order of measurement: static baseline (nginx), /, /tin-tuc?trang=2, one article, /tim-kiem?q=dao%20tao
# (the same URL repeated, so the output cache answers), the APIs and product pages, then last, after its warm-up,
# search with a query that varies per request (bench/search-varied.lua; the output cache rarely hits). Every request carries a browser's Accept and
# Accept-Encoding (br, gzip); the nginx baseline serves the app's own br and gzip bytes of the page precompressed
# (brotli_static when the module is installable, else gzip_static; stated in the results). After the throughput pass, a 1-connection pass gives
# the latency of each URL alone. Each cached URL's ratio is to an nginx run of the same length just before it
# (the first baseline row stays for reference; the varied search is compared with it). Before each URL the 1-minute load and the CPU busy in an idle second are recorded;
# a URL measured while another job was running gets "rerun" instead of a ratio.
# Requirements: dotnet SDK, python3, curl; wrk and nginx-light (and nginx's brotli_static module, when the
# distribution has it) are installed with apt-get when missing. All load goes to 127.0.0.1 only.
set -euo pipefail

# The whole script is one { ... } block: bash reads it completely before running it, so editing this file
# while a long run (100,000 articles) is in progress cannot break that run.
{

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$BENCH_DIR")
PROJECT="$REPO/src/KhuyenCong.Web"
OUT_DIR="$BENCH_DIR/out"

ARTICLES=1000
PRODUCTS=0
DURATION=10
CONNECTIONS=64
THREADS=2
PORT=""
WARMUP=2
SEARCH_WARMUP=60
QUIET_SECONDS=25   # after the run: how long the app is left without requests before its RSS is read again
IMPORT_TIMEOUT=""   # default: 600 + ARTICLES / 10
KEEP=0
REPLICATE=1
APP_DIR=""
PROVIDER=sqlite
NODES=1
REDIS=""
WRK_TIMEOUT=30s   # wrk's default (2 s) would drop slow requests from the latency figures as "timeouts"
LATENCY_DURATION=""
MAX_OTHER_CORES=0.5
# What a browser sends with a page request: the app and nginx choose their compression from these.
ACCEPT_HTML='text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8'
ACCEPT_ENCODING='br, gzip'
WRK_HEADERS=(-H "Accept: $ACCEPT_HTML" -H "Accept-Encoding: $ACCEPT_ENCODING")
CURL_HEADERS=(-H "Accept: $ACCEPT_HTML" -H "Accept-Encoding: $ACCEPT_ENCODING")

usage() { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; }
die() { echo "run.sh: $*" >&2; exit 1; }
log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
is_uint() { [[ "$1" =~ ^[0-9]+$ ]]; }

while [[ $# -gt 0 ]]; do
    case "$1" in
        --articles) ARTICLES=${2:?}; shift 2 ;;
        --products) PRODUCTS=${2:?}; shift 2 ;;
        --duration) DURATION=${2:?}; shift 2 ;;
        --connections) CONNECTIONS=${2:?}; shift 2 ;;
        --threads) THREADS=${2:?}; shift 2 ;;
        --port) PORT=${2:?}; shift 2 ;;
        --warmup) WARMUP=${2:?}; shift 2 ;;
        --search-warmup) SEARCH_WARMUP=${2:?}; shift 2 ;;
        --latency-duration) LATENCY_DURATION=${2:?}; shift 2 ;;
        --quiet-seconds) QUIET_SECONDS=${2:?}; shift 2 ;;
        --max-other-cores) MAX_OTHER_CORES=${2:?}; shift 2 ;;
        --import-timeout) IMPORT_TIMEOUT=${2:?}; shift 2 ;;
        --replicate) REPLICATE=${2:?}; shift 2 ;;
        --app) APP_DIR=${2:?}; shift 2 ;;
        --provider) PROVIDER=${2:?}; shift 2 ;;
        --nodes) NODES=${2:?}; shift 2 ;;
        --redis) REDIS=1; shift ;;
        --keep) KEEP=1; shift ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; die "unknown option '$1'" ;;
    esac
done
LATENCY_DURATION=${LATENCY_DURATION:-$(( DURATION < 5 ? DURATION : 5 ))}
[[ "$MAX_OTHER_CORES" =~ ^[0-9]+(\.[0-9]+)?$ ]] || die "--max-other-cores must be a number"
for v in ARTICLES PRODUCTS DURATION CONNECTIONS THREADS WARMUP REPLICATE NODES LATENCY_DURATION QUIET_SECONDS; do
    is_uint "${!v}" || die "--${v,,} must be a whole number, not '${!v}'"
done
[[ -z "$PORT" ]] || is_uint "$PORT" || die "--port must be a number"
[[ "$PROVIDER" == sqlite || "$PROVIDER" == postgres ]] || die "--provider must be sqlite or postgres"
(( NODES >= 1 )) || die "--nodes must be at least 1"
(( NODES == 1 )) || REDIS=${REDIS:-1}
(( REPLICATE >= 1 && ARTICLES % REPLICATE == 0 )) || die "--replicate must be at least 1 and divide --articles"
IMPORTED=$((ARTICLES / REPLICATE))   # articles generated and imported by the app
(( IMPORTED >= 20 )) || die "need at least 20 imported articles (the news list page 2 needs more than 10)"
IMPORT_TIMEOUT=${IMPORT_TIMEOUT:-$((600 + IMPORTED / 10))}
is_uint "$IMPORT_TIMEOUT" || die "--import-timeout must be a whole number"
(( DURATION >= 1 && THREADS >= 1 && CONNECTIONS >= THREADS )) || die "need duration >= 1 and connections >= threads >= 1"

# --- tools -----------------------------------------------------------------------------------------------
for tool in dotnet python3 curl timeout; do
    command -v "$tool" >/dev/null || die "$tool is required"
done
if ! command -v wrk >/dev/null || ! command -v nginx >/dev/null; then
    log "installing wrk and nginx-light with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y wrk nginx-light >/dev/null 2>&1 \
        || { apt-get update >/dev/null && apt-get install -y wrk nginx-light >/dev/null; }
    # The package starts the system nginx on port 80; this benchmark does not use it.
fi
# The baseline serves the app's own compressed bytes: br needs nginx's brotli_static module (Debian:
# libnginx-mod-http-brotli-static); without it both sides are compared with gzip.
BROTLI_MODULE=/usr/lib/nginx/modules/ngx_http_brotli_static_module.so
if [[ ! -f "$BROTLI_MODULE" ]]; then
    log "installing nginx's brotli_static module with apt-get (optional)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y libnginx-mod-http-brotli-static >/dev/null 2>&1 \
        || { apt-get update >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y libnginx-mod-http-brotli-static >/dev/null 2>&1; } \
        || log "brotli for nginx is not installable here: the baseline serves gzip"
fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# --- temp folder, clean-up ----------------------------------------------------------------------------------
TMP=$(mktemp -d /tmp/kc-bench.XXXXXX)
chmod 711 "$TMP"   # nginx workers run as an unprivileged user and must reach $TMP/static
APP_PID=""
NGINX_PID=""
IMPORT_PID=""
UNCACHED_PID=""
NODE_PIDS=()
SERVICES=""

stop_pid() {  # stop_pid PID NAME [SIGNAL]: signal one process we started, wait up to 15 s, then KILL it
    local pid=$1 name=$2 sig=${3:-TERM}
    [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 0
    kill -"$sig" "$pid" 2>/dev/null || true
    for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then
        log "$name ($pid) did not stop, killing it"
        kill -KILL "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
}

cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    stop_pid "$IMPORT_PID" import
    stop_pid "$APP_PID" app
    for pid in "${NODE_PIDS[@]}"; do stop_pid "$pid" node; done
    stop_pid "$UNCACHED_PID" "uncached app"
    stop_pid "$NGINX_PID" nginx QUIT
    [[ -z "$SERVICES" ]] || bash "$REPO/tests/services.sh" stop "$SERVICES"
    if (( KEEP )); then
        log "kept $TMP"
    else
        rm -rf "$TMP"
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
PORT=${PORT:-$(free_port)}
STATIC_PORT=$(free_port)
while [[ "$STATIC_PORT" == "$PORT" ]]; do STATIC_PORT=$(free_port); done
APP="http://127.0.0.1:$PORT"
STATIC="http://127.0.0.1:$STATIC_PORT"

log "temporary folder $TMP; app on $APP, nginx on $STATIC"

# --- 1. content -------------------------------------------------------------------------------------------
mkdir -p "$TMP/content"
cp "$REPO/content/topics.yml" "$REPO/content/places.yml" "$TMP/content/"
for dir in pages documents files program; do   # optional: real pages, legal documents (and their attachments), the programme
    if [[ -d "$REPO/content/$dir" ]]; then cp -r "$REPO/content/$dir" "$TMP/content/"; fi
done
log "generating $IMPORTED articles"
timeout 900 python3 "$BENCH_DIR/generate.py" --count "$IMPORTED" --products "$PRODUCTS" --out "$TMP/content"

# --- 2. publish (cached in bench/out/build while the sources are unchanged) ------------------------------
# Build into bench/out and $TMP only (--artifacts-path), so that src/*/bin and obj, which developers use at
# the same time, are left alone.
source_hash() {
    (cd "$REPO" && find src/KhuyenCong.Web -type d \( -name bin -o -name obj \) -prune -o -type f -print0 \
        | sort -z | xargs -0 sha256sum; sha256sum Directory.Build.props Directory.Packages.props global.json) \
        | sha256sum | cut -c1-16
}
build_errors() {  # build_errors LOG: the distinct compiler errors of a build log, on one line
    grep -oE '[^/ ]+\.cs\([0-9,]+\): error [A-Z]+[0-9]+' "$1" | sort -u | head -4 | paste -sd';' - || true
}
HASH=$(source_hash)
CACHE="$OUT_DIR/build"   # the last good build: app/, hash (of its sources), note (how it was built)
BUILD_NOTE=""
if [[ -n "$APP_DIR" ]]; then
    [[ -f "$APP_DIR/KhuyenCong.Web.dll" ]] || die "--app $APP_DIR: no KhuyenCong.Web.dll there"
    log "using the published app in $APP_DIR (not built from the current sources)"
    HASH="n/a"
    BUILD_NOTE="measured the published app given with --app ($APP_DIR, files dated $(date -u -r "$APP_DIR/KhuyenCong.Web.dll" '+%Y-%m-%d %H:%M UTC')), not a build of the current sources"
    CACHE="$TMP/given"
    mkdir -p "$CACHE"
    cp -a "$APP_DIR" "$CACHE/app"
    : >"$CACHE/note"
    echo "n/a" >"$CACHE/hash"
elif [[ -f "$CACHE/hash" && "$(cat "$CACHE/hash")" == "$HASH" && -f "$CACHE/app/KhuyenCong.Web.dll" ]]; then
    log "sources unchanged since the last build ($HASH): reusing the published app"
else
    log "publishing the app (Release)"
    STAGE="$TMP/publish"
    publish() {
        timeout 900 dotnet publish "$PROJECT" -c Release -o "$STAGE" --artifacts-path "$TMP/artifacts" --nologo "$@"
    }
    note=""
    if ! publish >"$TMP/publish.log" 2>&1; then
        # The repository treats analyzer warnings as errors; a warning does not change the code measured, so
        # retry without that and say so in the results.
        errors=$(build_errors "$TMP/publish.log")
        log "publish failed ($errors); retrying with -p:TreatWarningsAsErrors=false"
        if publish -p:TreatWarningsAsErrors=false >"$TMP/publish-retry.log" 2>&1; then
            note="the Release build fails with warnings as errors ($errors); measured a build with -p:TreatWarningsAsErrors=false"
        else
            # Other people edit src/ while this runs: a half-finished edit must not waste a long run, so fall
            # back to the last good build when there is one, and say so loudly.
            errors=$(build_errors "$TMP/publish-retry.log")
            if [[ ! -f "$CACHE/app/KhuyenCong.Web.dll" ]]; then
                tail -20 "$TMP/publish-retry.log" >&2
                die "dotnet publish failed ($errors) and there is no earlier build to fall back to"
            fi
            STAGE=""
            BUILD_NOTE="THE CURRENT SOURCES DO NOT BUILD ($errors); measured the last good build (sources $(cat "$CACHE/hash"), built $(date -u -r "$CACHE/hash" '+%Y-%m-%d %H:%M UTC'))"
            log "WARNING: $BUILD_NOTE"
            HASH=$(cat "$CACHE/hash")
        fi
    fi
    if [[ -n "$STAGE" ]]; then   # keep this build for the next run
        rm -rf "$CACHE"
        mkdir -p "$CACHE"
        mv "$STAGE" "$CACHE/app"
        echo "$note" >"$CACHE/note"
        echo "$HASH" >"$CACHE/hash"
    fi
fi
if [[ -s "$CACHE/note" ]]; then BUILD_NOTE="${BUILD_NOTE:+$BUILD_NOTE; }$(cat "$CACHE/note")"; fi
cp -a "$CACHE/app" "$TMP/app"
# The app looks for wwwroot/ in the folder holding KhuyenCong.Web.sln, else beside itself. $TMP has no .sln
# above it, so a copy beside the app is used; content/ is not copied there, so nothing is auto-imported.
rm -rf "$TMP/app/wwwroot"
cp -r "$REPO/wwwroot" "$TMP/app/wwwroot"

# The published app, run from its own folder on the benchmark's data folder.
# wrk sends everything from 127.0.0.1: the API's per-IP limit would answer 429 within a second, so it is lifted.
# Production needs its public address (links are made from it, and only its host, 127.0.0.1, is answered).
APP_ENV=(env Data__Path="$TMP/data" ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$APP" Site__PublicBaseUrl="$APP" Api__RequestsPerMinute=1000000000)

# --- 3. import (timed) ------------------------------------------------------------------------------------
log "importing $IMPORTED articles (timeout ${IMPORT_TIMEOUT}s)"
mkdir -p "$TMP/data"
LOAD_IMPORT=$(cut -d' ' -f1-3 /proc/loadavg)
start_ns=$(date +%s%N)
# In the background and waited for, so that a signal to this script stops the import at once (bash runs traps
# only after a foreground command ends).
(cd "$TMP/app" && exec timeout "$IMPORT_TIMEOUT" "${APP_ENV[@]}" ./KhuyenCong.Web import --from "$TMP/content") \
    >"$TMP/import.log" 2>&1 &
IMPORT_PID=$!
if ! wait "$IMPORT_PID"; then
    tail -20 "$TMP/import.log" >&2
    die "import failed or took longer than ${IMPORT_TIMEOUT}s"
fi
IMPORT_PID=""
IMPORT_SECONDS=$(( ($(date +%s%N) - start_ns) / 1000000 ))
IMPORT_SECONDS=$(awk -v ms="$IMPORT_SECONDS" 'BEGIN { printf "%.1f", ms / 1000 }')
sed 's/^/  /' "$TMP/import.log" >&2
APP_IMPORT=$(grep -oE 'import: done in [0-9.]+ s' "$TMP/import.log" | grep -oE '[0-9.]+' || echo "?")
log "import took ${IMPORT_SECONDS} s wall clock (app says ${APP_IMPORT} s)"
mb() { awk -v b="$1" 'BEGIN { printf "%.1f MB", b / 1048576 }'; }
DB="$TMP/data/khuyencong.db"
IMPORTED_DB_BYTES=$(stat -c %s "$DB")

# --- 3b. optional: copy the imported articles by SQL up to N (--replicate) ------------------------------------
REPLICATE_NOTE=""
if (( REPLICATE > 1 )); then
    if ! command -v sqlite3 >/dev/null; then
        log "installing sqlite3 with apt-get"
        DEBIAN_FRONTEND=noninteractive apt-get install -y sqlite3 >/dev/null 2>&1 \
            || { apt-get update >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y sqlite3 >/dev/null; }
    fi
    max_article=$(sqlite3 "$DB" 'SELECT max(Id) FROM Articles;')
    max_search=$(sqlite3 "$DB" 'SELECT max(Id) FROM SearchItems;')
    log "copying the $IMPORTED articles $((REPLICATE - 1)) more times by SQL"
    start_ns=$(date +%s%N)
    sed "s/@COPIES@/$((REPLICATE - 1))/g; s/@M@/$max_article/g; s/@S@/$max_search/g" "$BENCH_DIR/replicate.sql.in" \
        | timeout 3600 sqlite3 -bail "$DB" >/dev/null
    copy_s=$(awk -v ms="$(( ($(date +%s%N) - start_ns) / 1000000 ))" 'BEGIN { printf "%.1f", ms / 1000 }')
    total=$(sqlite3 "$DB" 'SELECT count(*) FROM Articles;')
    (( total == ARTICLES )) || die "expected $ARTICLES articles after copying, found $total"
    REPLICATE_NOTE="only $IMPORTED articles were imported by the app; they were copied $((REPLICATE - 1)) more times by SQL (--replicate $REPLICATE, ${copy_s} s) to reach $ARTICLES: same texts, new slugs and ids, dates moved back 13 min per copy; no revisions or audit entries for the copies"
    log "copied in ${copy_s} s"
fi
DB_BYTES=$(stat -c %s "$DB")
WAL_BYTES=$(stat -c %s "$DB-wal" 2>/dev/null || echo 0)
DB_NOTE="SQLite $(mb "$DB_BYTES") (+ WAL $(mb "$WAL_BYTES"))"

# --- 3c. optional: PostgreSQL (--provider postgres) and Redis (--redis) ---------------------------------------
if [[ "$PROVIDER" == postgres || -n "$REDIS" ]]; then
    SERVICES="$TMP/services"
    log "starting throwaway PostgreSQL and Redis servers (tests/services.sh)"
    eval "$(bash "$REPO/tests/services.sh" start "$SERVICES")"
    [[ -z "$REDIS" ]] || APP_ENV+=(Cache__Redis="$KC_TEST_REDIS")
fi
if [[ "$PROVIDER" == postgres ]]; then
    PG_CS="$KC_TEST_POSTGRES;Database=khuyencong"
    pg_port=$(sed -E 's/.*Port=([0-9]+).*/\1/' <<<"$KC_TEST_POSTGRES")
    psql -q -h 127.0.0.1 -p "$pg_port" -U postgres -c 'CREATE DATABASE khuyencong' >/dev/null
    log "copying the SQLite database to PostgreSQL (copy-data)"
    start_ns=$(date +%s%N)
    (cd "$TMP/app" && exec timeout 3600 "${APP_ENV[@]}" ./KhuyenCong.Web copy-data --to-postgres "$PG_CS") >"$TMP/copy.log" 2>&1 \
        || { tail -30 "$TMP/copy.log" >&2; die "copy-data failed"; }
    copy_s=$(awk -v ms="$(( ($(date +%s%N) - start_ns) / 1000000 ))" 'BEGIN { printf "%.1f", ms / 1000 }')
    APP_ENV+=(Database__Provider=Postgres ConnectionStrings__Postgres="$PG_CS")
    PG_BYTES=$(psql -qtA -h 127.0.0.1 -p "$pg_port" -U postgres -d khuyencong -c "SELECT pg_database_size('khuyencong')")
    DB_NOTE="PostgreSQL $(mb "$PG_BYTES") (copied from SQLite $(mb "$DB_BYTES") in ${copy_s} s; the test server runs with fsync off)"
fi
CONTENT_BYTES=$(du -sb "$TMP/content/articles" | cut -f1)

# --- 4. serve ---------------------------------------------------------------------------------------------
wait_healthy() {  # wait_healthy URL PID LOG
    local deadline=$((SECONDS + 120))
    until [[ "$(curl -s -o /dev/null -m 5 -w '%{http_code}' "$1/healthz" || true)" == 200 ]]; do
        if ! kill -0 "$2" 2>/dev/null; then tail -30 "$3" >&2; die "the app exited"; fi
        (( SECONDS < deadline )) || { tail -30 "$3" >&2; die "/healthz not 200 after 120 s"; }
        sleep 0.5
    done
}
log "starting the app"
start_ns=$(date +%s%N)
(cd "$TMP/app" && exec "${APP_ENV[@]}" ./KhuyenCong.Web) >"$TMP/app.log" 2>&1 &
APP_PID=$!
wait_healthy "$APP" "$APP_PID" "$TMP/app.log"
curl -s -o /dev/null -m 60 "$APP/" || true
STARTUP_S=$(awk -v ms="$(( ($(date +%s%N) - start_ns) / 1000000 ))" 'BEGIN { printf "%.1f", ms / 1000 }')
# RSS, and in brackets its two parts: the process's own memory (anonymous pages: heaps, code the JIT made) and the
# pages of mapped files (the runtime and the assemblies, shared with every process that maps them, dropped by the
# kernel when memory is short and read again when needed).
rss_of() { awk '/^VmRSS/ { r = $2 } /^RssAnon/ { a = $2 } /^RssFile/ { f = $2 } /^RssShmem/ { s = $2 }
    END { if (r == "") exit 1; printf "%.0f MB (own %.0f, files %.0f)", r / 1024, (a + s) / 1024, f / 1024 }' "/proc/$1/status" 2>/dev/null || echo "?"; }
STARTUP_RSS=$(rss_of "$APP_PID")
log "app is up (pid $APP_PID): first page after ${STARTUP_S} s, RSS $STARTUP_RSS"
# --nodes N: more processes of the same build on the same database, each on its own port, behind nginx.
NODE_URLS=("127.0.0.1:$PORT")
for n in $(seq 2 "$NODES"); do
    node_port=$(free_port)
    (cd "$TMP/app" && exec "${APP_ENV[@]}" ASPNETCORE_URLS="http://127.0.0.1:$node_port" ./KhuyenCong.Web) >"$TMP/node-$n.log" 2>&1 &
    NODE_PIDS+=($!)
    wait_healthy "http://127.0.0.1:$node_port" "$!" "$TMP/node-$n.log"
    NODE_URLS+=("127.0.0.1:$node_port")
    log "node $n is up on port $node_port"
done

# One article from the middle of the generated set.
ARTICLE_FILE=$(printf '%s/content/articles/bai-mau-%06d.md' "$TMP" $((IMPORTED / 2)))
ARTICLE_SLUG=$(sed -n 's/^slug: *//p' "$ARTICLE_FILE" | head -1)
ARTICLE_PATH="/tin-tuc/$ARTICLE_SLUG"
SEARCH_PATH="/tim-kiem?q=dao%20tao"

# Products (--products): the list with two facets (group and a former district) and one product page.
PRODUCT_LIST_PATH="/san-pham?nhom=che-bien-thuc-pham&noi=huyen-giong-trom"
PRODUCT_PATH=$(printf '/san-pham/san-pham-mau-%06d' $((PRODUCTS / 2)))
API_PRODUCTS_PATH="/api/v1/products?group=che-bien-thuc-pham&place=huyen-giong-trom"
PRODUCT_PATHS=()
(( PRODUCTS == 0 )) || PRODUCT_PATHS=("$PRODUCT_LIST_PATH" "$PRODUCT_PATH")

status_of() { curl -s -o /dev/null -m 30 -w '%{http_code}' "${CURL_HEADERS[@]}" "$1" || true; }
for path in / "/tin-tuc?trang=2" "$ARTICLE_PATH" "$SEARCH_PATH" "${PRODUCT_PATHS[@]}"; do
    code=$(status_of "$APP$path")
    [[ "$code" == 200 ]] || { tail -30 "$TMP/app.log" >&2; die "GET $path returned $code"; }
done

# --- 5. static baseline: the article page as a file, served by nginx ---------------------------------------
mkdir -p "$TMP/static" "$TMP/nginx"
PROXY_PORT=$(free_port)
curl -sf -m 30 "$APP$ARTICLE_PATH" -o "$TMP/static/article.html"
# The very bytes the app sends, precompressed for nginx: its gzip and br answers saved as article.html.gz and .br
# (gzip_static, and brotli_static when the module is installed).
curl -sf -m 30 -H "Accept-Encoding: gzip" "$APP$ARTICLE_PATH" -o "$TMP/static/article.html.gz"
NGINX_MODULES=""
NGINX_BROTLI=""
STATIC_CODING="gzip (gzip_static; nginx's brotli_static module is not available here, so the baseline sends gzip where the app sends br)"
if [[ -f "$BROTLI_MODULE" ]]; then
    curl -sf -m 30 -H "Accept-Encoding: br" "$APP$ARTICLE_PATH" -o "$TMP/static/article.html.br"
    NGINX_MODULES="load_module $BROTLI_MODULE;"
    NGINX_BROTLI="brotli_static on;"
    STATIC_CODING="br (brotli_static; gzip_static for clients without br)"
fi
chmod 755 "$TMP/static"
chmod 644 "$TMP/static"/article.html*
cat >"$TMP/nginx/nginx.conf" <<EOF
# Generated by bench/run.sh: serves $TMP/static on 127.0.0.1:$STATIC_PORT only.
$NGINX_MODULES
daemon off;
worker_processes auto;
pid $TMP/nginx/nginx.pid;
error_log $TMP/nginx/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    tcp_nodelay on;
    keepalive_timeout 65;
    keepalive_requests 1000000;
    client_body_temp_path $TMP/nginx/body;
    types { text/html html; }
    default_type application/octet-stream;
    server {
        listen 127.0.0.1:$STATIC_PORT;
        root $TMP/static;
        gzip_static on;
        gzip_vary on;
        $NGINX_BROTLI
    }
$(if (( NODES > 1 )); then
    echo "    upstream nodes {"
    printf '        server %s;\n' "${NODE_URLS[@]}"
    echo "        keepalive 64;"
    echo "    }"
    echo "    server {"
    echo "        listen 127.0.0.1:$PROXY_PORT;"
    echo "        location / { proxy_pass http://nodes; proxy_http_version 1.1; proxy_set_header Connection \"\"; proxy_set_header Host \$host; }"
    echo "    }"
fi)
}
EOF
nginx -t -q -e "$TMP/nginx/error.log" -p "$TMP/nginx" -c "$TMP/nginx/nginx.conf"
nginx -e "$TMP/nginx/error.log" -p "$TMP/nginx" -c "$TMP/nginx/nginx.conf" &
NGINX_PID=$!
deadline=$((SECONDS + 20))
until [[ "$(status_of "$STATIC/article.html")" == 200 ]]; do
    kill -0 "$NGINX_PID" 2>/dev/null || { cat "$TMP/nginx/error.log" >&2; die "nginx exited"; }
    (( SECONDS < deadline )) || die "nginx did not answer"
    sleep 0.2
done
if (( NODES > 1 )); then   # from here on every app URL goes through the upstream of N nodes
    APP="http://127.0.0.1:$PROXY_PORT"
    until [[ "$(status_of "$APP/healthz")" == 200 ]]; do sleep 0.2; done
fi
sent() {  # sent URL: "<content-encoding> <bytes>" of the answer to a browser's headers
    curl -s -m 30 -o /dev/null -D - -w 'size=%{size_download}\n' "${CURL_HEADERS[@]}" "$1" \
        | awk -F': *' 'tolower($1) == "content-encoding" { enc = $2 } /^size=/ { sub(/^size=/, ""); size = $0 }
                        END { gsub(/\r/, "", enc); printf "%s %s", (enc == "" ? "identity" : enc), size }'
}
STATIC_SENT=$(sent "$STATIC/article.html")
APP_SENT=$(sent "$APP$ARTICLE_PATH")

# --- extra facts: search hit counts, uncached render time ---------------------------------------------------
hits() {  # hits QUERY-ENCODED: the result count the search page states ("Có N kết quả")
    # "Có 44.469 kết quả", or "Có hơn 1.000 kết quả" past the search's cap (printed as ">1000").
    curl -s -m 60 "$APP/tim-kiem?q=$1" | grep -oE 'Có (hơn )?[0-9.]+ kết quả' | sed 's/hơn />/' | grep -oE '>?[0-9.]+' | tr -d . || echo 0
}
HITS_DAO_TAO=$(hits "dao%20tao")
HITS_KEO_DUA=$(hits "k%E1%BA%B9o%20d%E1%BB%ABa")
HITS_PHU_NHUAN=$(hits "phu%20nhuan")

# Time for the app to build a page without the output cache: a second instance of the same build on the same
# data folder, started with Cache:Disabled=true, answers every request by rendering it. (An unknown query
# parameter no longer bypasses the cache: pages vary only by the parameters they read.) Median of 9 after 100
# untimed requests per URL, which compile the code paths; the instance runs only for these timings.
UNCACHED_PORT=$(free_port)
while [[ "$UNCACHED_PORT" == "$PORT" || "$UNCACHED_PORT" == "$STATIC_PORT" ]]; do UNCACHED_PORT=$(free_port); done
UNCACHED_APP="http://127.0.0.1:$UNCACHED_PORT"
start_uncached() {
    (cd "$TMP/app" && exec "${APP_ENV[@]}" ASPNETCORE_URLS="$UNCACHED_APP" Cache__Disabled=true ./KhuyenCong.Web) \
        >"$TMP/app-uncached.log" 2>&1 &
    UNCACHED_PID=$!
    local deadline=$((SECONDS + 120))
    until [[ "$(curl -s -o /dev/null -m 5 -w '%{http_code}' "$UNCACHED_APP/healthz" || true)" == 200 ]]; do
        if ! kill -0 "$UNCACHED_PID" 2>/dev/null; then tail -30 "$TMP/app-uncached.log" >&2; die "the uncached app exited"; fi
        (( SECONDS < deadline )) || { tail -30 "$TMP/app-uncached.log" >&2; die "uncached /healthz not 200 after 120 s"; }
        sleep 0.5
    done
}
uncached_ms() {
    local t all=() i
    # A fresh instance runs unoptimised (tier-0) code until a method has been called 30 times, then instrumented
    # code for 30 calls more, and compiles the optimised code in the background once no new method has been
    # compiled for 100 ms. So 100 untimed requests with pauses for that compiler, or the figure measures the JIT
    # rather than the page (after 20, the programme page measured 35 ms where a warmed instance builds it in 20).
    for i in $(seq 1 60); do curl -s -o /dev/null -m 60 "${CURL_HEADERS[@]}" "$UNCACHED_APP$1" || true; done
    sleep 1
    for i in $(seq 1 40); do curl -s -o /dev/null -m 60 "${CURL_HEADERS[@]}" "$UNCACHED_APP$1" || true; done
    sleep 1
    for i in 1 2 3 4 5 6 7 8 9; do
        t=$(curl -s -o /dev/null -m 60 -w '%{time_total}' "${CURL_HEADERS[@]}" "$UNCACHED_APP$1")
        all+=("$t")
    done
    printf '%s\n' "${all[@]}" | sort -n | sed -n 5p | awk '{ printf "%.1f", $1 * 1000 }'
}

# --- 6. measure ---------------------------------------------------------------------------------------------
# name|url|wrk script (optional)
TARGETS=(
    "static baseline (nginx, saved article page)|$STATIC/article.html|"
    "home \`/\`|$APP/|"
    "news list \`/tin-tuc?trang=2\`|$APP/tin-tuc?trang=2|"
    "article \`/tin-tuc/${ARTICLE_SLUG:0:24}…\`|$APP$ARTICLE_PATH|"
    "search \`/tim-kiem?q=dao%20tao\` (cached)|$APP$SEARCH_PATH|"
    "API \`/api/v1/articles\`|$APP/api/v1/articles|"
)
if (( PRODUCTS > 0 )); then
    TARGETS+=(
        "product list, two facets \`$PRODUCT_LIST_PATH\`|$APP$PRODUCT_LIST_PATH|"
        "product page \`$PRODUCT_PATH\`|$APP$PRODUCT_PATH|"
        "API products, two facets \`$API_PRODUCTS_PATH\`|$APP$API_PRODUCTS_PATH|"
    )
fi
# Last: its warm-up fills the output cache with tens of thousands of search pages, and the cached URLs are measured
# on their own, not in the wake of that flood.
TARGETS+=("search (varied, mostly uncached)|$APP/tim-kiem|$BENCH_DIR/search-varied.lua")

log "warming up"
for t in "${TARGETS[@]}"; do
    IFS='|' read -r _ url script <<<"$t"
    for _ in 1 2 3 4 5; do curl -s -o /dev/null -m 60 "${CURL_HEADERS[@]}" "$url" || true; done
    if (( WARMUP > 0 )) && [[ -z "$script" ]]; then
        timeout $((WARMUP + 30)) wrk -t "$THREADS" -c "$CONNECTIONS" -d "${WARMUP}s" --timeout "$WRK_TIMEOUT" \
            "${WRK_HEADERS[@]}" "$url" >/dev/null 2>&1 || true
    fi
done
# The varied search is measured as a site that has been up for a while serves it: first SEARCH_WARMUP seconds of
# other varied searches (the script's "warm" mode adds a kind filter, so no measured URL is in the cache
# afterwards), which gives the JIT time to compile the search path's optimised code. Without it the figure is the
# first seconds after start-up (about a third of the steady rate on this machine). Run right before that URL.
warm_varied_search() {  # warm_varied_search URL SCRIPT
    (( SEARCH_WARMUP > 0 )) || return 0
    log "warming the varied search for ${SEARCH_WARMUP}s (other URLs than the measured ones)"
    timeout $((SEARCH_WARMUP + 30)) wrk -t "$THREADS" -c "$CONNECTIONS" -d "${SEARCH_WARMUP}s" --timeout "$WRK_TIMEOUT" \
        "${WRK_HEADERS[@]}" -s "$2" "$1" -- warm >/dev/null 2>&1 || true
    sleep 2  # requests wrk abandoned when it stopped finish before the next timing
}
log "timing uncached pages on a second instance with Cache:Disabled=true"
start_uncached
UNCACHED_HOME=$(uncached_ms /)
UNCACHED_LIST=$(uncached_ms "/tin-tuc?trang=2")
UNCACHED_ARTICLE=$(uncached_ms "$ARTICLE_PATH")
UNCACHED_SEARCH=$(uncached_ms "$SEARCH_PATH")
UNCACHED_LIST_LAST=$(uncached_ms "/tin-tuc?trang=$(( (ARTICLES + 9) / 10 ))")
UNCACHED_PROGRAM=$(uncached_ms /chuong-trinh)
PROGRAM_BYTES=$( (curl -s -m 60 -H "Accept: $ACCEPT_HTML" "$UNCACHED_APP/chuong-trinh" || true) | wc -c)
if (( PRODUCTS > 0 )); then
    UNCACHED_PRODUCT_LIST=$(uncached_ms "$PRODUCT_LIST_PATH")
    UNCACHED_PRODUCT_ALL=$(uncached_ms "/san-pham")
    UNCACHED_PRODUCT=$(uncached_ms "$PRODUCT_PATH")
fi
stop_pid "$UNCACHED_PID" "uncached app"
UNCACHED_PID=""

# wrk output -> "req/s p50ms p99ms non2xx socket-errors"; latency units us/ms/s/m are converted to ms.
parse_wrk() {
    awk '
        function ms(v,   n) {
            n = v + 0
            if (v ~ /us$/) return n / 1000
            if (v ~ /ms$/) return n
            if (v ~ /m$/)  return n * 60000
            if (v ~ /s$/)  return n * 1000
            return n
        }
        /^ +50% / { p50 = ms($2) }
        /^ +99% / { p99 = ms($2) }
        /^Requests\/sec:/ { rps = $2 }
        /Non-2xx or 3xx responses:/ { bad = $NF }
        /Socket errors:/ { sub(/^ *Socket errors: */, ""); gsub(/ /, ""); err = $0 }
        / requests in / { done = $1 }
        END { printf "%s %s %s %s %s %s\n", rps + 0, p50 + 0, p99 + 0, bad + 0, (err == "" ? "-" : err), done + 0 }
    ' "$1"
}

# Other work on the machine skews every figure. Before each URL: the 1-minute load average, and the CPU cores busy
# during one second in which this benchmark sends nothing (the load average alone cannot tell: it still holds the
# previous URL's own wrk run for a minute). Busy cores above --max-other-cores mean another job was running: that
# URL gets "rerun" instead of a ratio (and every ratio does when the baseline itself was measured so).
busy_cores() {  # CPU cores busy over one second, from /proc/stat
    local a b
    a=$(awk '/^cpu / { idle = $5 + $6; total = 0; for (i = 2; i <= NF; i++) total += $i; print idle, total }' /proc/stat)
    sleep 1
    b=$(awk '/^cpu / { idle = $5 + $6; total = 0; for (i = 2; i <= NF; i++) total += $i; print idle, total }' /proc/stat)
    awk -v a="$a" -v b="$b" -v n="$(nproc)" 'BEGIN { split(a, x, " "); split(b, y, " ");
        dt = y[2] - x[2]; di = y[1] - x[1]; printf "%.2f", (dt > 0 ? n * (dt - di) / dt : 0) }'
}
LOAD_MEASURE=$(cut -d' ' -f1-3 /proc/loadavg)
RESULTS=()
STATIC_RPS=""
STATIC_QUIET=1
RERUN=()
NOTES=()
i=0
for t in "${TARGETS[@]}"; do
    IFS='|' read -r name url script <<<"$t"
    i=$((i + 1))
    raw="$TMP/wrk-$i.txt"
    if [[ -n "$script" ]]; then warm_varied_search "$url" "$script"; fi
    load1=$(cut -d' ' -f1 /proc/loadavg)
    busy=$(busy_cores)
    quiet=$(awk -v b="$busy" -v m="$MAX_OTHER_CORES" 'BEGIN { print (b <= m) ? 1 : 0 }')
    # Each cached URL is measured right after nginx's own run of the same length: this VM's throughput drifts by a
    # fifth within minutes, so a ratio to a baseline taken minutes earlier would measure the drift, not the app.
    pair="-"
    pair_rps=""
    if (( i > 1 )) && [[ -z "$script" ]]; then
        log "wrk ${DURATION}s: static baseline just before $name"
        timeout $((DURATION + 60)) wrk -t "$THREADS" -c "$CONNECTIONS" -d "${DURATION}s" --timeout "$WRK_TIMEOUT" \
            --latency "${WRK_HEADERS[@]}" "$STATIC/article.html" >"$raw.static" 2>&1 || { cat "$raw.static" >&2; die "wrk failed for the static baseline"; }
        read -r pair_rps _ pair_p99 _ _ _ < <(parse_wrk "$raw.static")
        pair=$(printf '%.1f / %.2f' "$pair_rps" "$pair_p99")
        { echo "### static baseline just before $name — $STATIC/article.html"; cat "$raw.static"; echo; } >>"$TMP/wrk-all.txt"
    fi
    log "wrk ${DURATION}s: $name (load $load1, $busy cores busy before)"
    timeout $((DURATION + 60)) wrk -t "$THREADS" -c "$CONNECTIONS" -d "${DURATION}s" --timeout "$WRK_TIMEOUT" \
        --latency "${WRK_HEADERS[@]}" ${script:+-s "$script"} "$url" >"$raw" 2>&1 || { cat "$raw" >&2; die "wrk failed for $url"; }
    read -r rps p50 p99 bad err completed < <(parse_wrk "$raw")
    if [[ -z "$STATIC_RPS" ]]; then
        STATIC_RPS=$rps
        STATIC_QUIET=$quiet
    fi
    if [[ -n "$pair_rps" ]] && (( quiet )); then
        ratio=$(awk -v a="$rps" -v b="$pair_rps" 'BEGIN { printf "%.3f", (b > 0 ? a / b : 0) }')
    elif (( quiet && STATIC_QUIET )); then
        ratio=$(awk -v a="$rps" -v b="$STATIC_RPS" 'BEGIN { printf "%.3f", (b > 0 ? a / b : 0) }')
    else
        ratio="rerun"
        RERUN+=("$name")
    fi
    if (( completed == 0 )); then
        # wrk only reports requests that finished within the run: none did, so there is no latency to show.
        RESULTS+=("| $name | 0 | > $((DURATION * 1000)) | > $((DURATION * 1000)) | LAT$i | $load1 / $busy | $pair | $ratio |")
        NOTES+=("- $name: no request completed within the ${DURATION} s run")
    else
        RESULTS+=("$(printf '| %s | %.1f | %.2f | %.2f | LAT%s | %s / %s | %s | %s |' "$name" "$rps" "$p50" "$p99" "$i" "$load1" "$busy" "$pair" "$ratio")")
    fi
    (( bad == 0 )) || NOTES+=("- $name: $bad non-2xx/3xx responses")
    [[ "$err" == "-" ]] || NOTES+=("- $name: socket errors $err")
    extra=$(grep -E '^varied search:' "$raw" || true)
    [[ -z "$extra" ]] || NOTES+=("- $extra")
    { echo "### $name — $url"; cat "$raw"; echo; } >>"$TMP/wrk-all.txt"
done

# The 1-connection pass: one request at a time, so the figures are each URL's own latency, not queueing.
i=0
for t in "${TARGETS[@]}"; do
    IFS='|' read -r name url script <<<"$t"
    i=$((i + 1))
    lat="-"
    if (( LATENCY_DURATION > 0 )); then
        raw="$TMP/wrk-1conn-$i.txt"
        log "wrk 1 connection ${LATENCY_DURATION}s: $name"
        if timeout $((LATENCY_DURATION + 60)) wrk -t 1 -c 1 -d "${LATENCY_DURATION}s" --timeout "$WRK_TIMEOUT" \
            --latency "${WRK_HEADERS[@]}" ${script:+-s "$script"} "$url" >"$raw" 2>&1; then
            read -r _ lp50 lp99 _ _ lcompleted < <(parse_wrk "$raw")
            (( lcompleted == 0 )) || lat=$(printf '%.2f / %.2f' "$lp50" "$lp99")
            { echo "### 1 connection: $name — $url"; cat "$raw"; echo; } >>"$TMP/wrk-all.txt"
        fi
    fi
    RESULTS=("${RESULTS[@]/LAT$i |/$lat |}")
done
# The resident set of the app and of every further node, "N MB (own A, files F) " each ("? " for one that is gone).
nodes_rss() { for pid in "$APP_PID" "${NODE_PIDS[@]}"; do printf '%s ' "$(rss_of "$pid")"; done; }
APP_RSS=$(nodes_rss)
# Once quiet, the app gives back what the run left behind (Services/IdleMemoryRelease.cs, on a 10-s tick with no
# collection): read the resident set again after that, with no requests in between.
log "waiting ${QUIET_SECONDS}s with no requests, then reading the app's RSS again"
sleep "$QUIET_SECONDS"
APP_RSS_QUIET=$(nodes_rss)
# The app logs where its memory went when it stops (Services/MemoryReport.cs); stop it now to read that line.
stop_pid "$APP_PID" app
APP_PID=""
APP_MEMORY=$(grep -oE 'memory: .*' "$TMP/app.log" | tail -1 || true)

# --- 7. report ----------------------------------------------------------------------------------------------
CPU_MODEL=$(grep -m1 '^model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
MEM_TOTAL=$(awk '/^MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo)
REPORT="$TMP/report.md"
{
    echo "## KhuyenCong.Web benchmark — $ARTICLES articles"
    echo
    if [[ -n "$APP_DIR" ]]; then
        echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'); app given with --app"
    else
        echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'); sources $HASH (hash of src/KhuyenCong.Web and build props)"
    fi
    echo "- machine: $(nproc) CPU ($CPU_MODEL), $MEM_TOTAL RAM; wrk and the server share these CPUs"
    echo "- load average (1, 5, 15 min) before the import: $LOAD_IMPORT; before measuring: $LOAD_MEASURE"
    echo "- wrk: -t $THREADS -c $CONNECTIONS -d ${DURATION}s --latency --timeout $WRK_TIMEOUT (after ${WARMUP}s warm-up per cached URL, ${SEARCH_WARMUP}s of other varied searches before the varied search); then -t 1 -c 1 -d ${LATENCY_DURATION}s per URL for the 1-connection latency"
    echo "- request headers (wrk and curl): Accept: $ACCEPT_HTML; Accept-Encoding: $ACCEPT_ENCODING"
    echo "- static baseline: the article page saved from the app, served by nginx precompressed as $STATIC_CODING; sent to these headers: nginx $STATIC_SENT bytes, the app $APP_SENT bytes (content-encoding, size)"
    echo "- articles: $ARTICLES + the repository's pages and documents; $IMPORTED generated ($(mb "$CONTENT_BYTES") of Markdown)"
    echo "- import of $IMPORTED articles: ${IMPORT_SECONDS} s wall clock (the app reports ${APP_IMPORT} s); database after the import $(mb "$IMPORTED_DB_BYTES")"
    [[ -z "$REPLICATE_NOTE" ]] || echo "- NOTE: $REPLICATE_NOTE"
    echo "- provider: $PROVIDER; nodes: $NODES$( (( NODES == 1 )) || echo " behind an nginx upstream"); output cache: $([[ -n "$REDIS" ]] && echo Redis || echo in-memory)"
    echo "- database: $DB_NOTE; app start (published build, existing database) to the first page: ${STARTUP_S} s, RSS then $STARTUP_RSS; app RSS after the run (per node): $APP_RSS; ${QUIET_SECONDS} s later, no requests in between: $APP_RSS_QUIET"
    [[ -z "$APP_MEMORY" ]] || echo "- the app's own account at the end (node 1): $APP_MEMORY"
    echo "- search hits: \"dao tao\" $HITS_DAO_TAO, \"kẹo dừa\" $HITS_KEO_DUA, \"phu nhuan\" $HITS_PHU_NHUAN"
    [[ -z "$BUILD_NOTE" ]] || echo "- build: $BUILD_NOTE"
    echo
    echo "| URL | req/s | p50 ms | p99 ms | 1 connection p50 / p99 ms | load 1 min / cores busy before | nginx just before: req/s / p99 ms | ratio to static |"
    echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    printf '%s\n' "${RESULTS[@]}"
    if (( ${#RERUN[@]} > 0 )); then
        echo
        echo "**Rerun on a quiet machine**: another job was using more than $MAX_OTHER_CORES CPU cores just before"
        echo "$(IFS=';'; echo "${RERUN[*]}" | sed 's/;/; /g')$( (( STATIC_QUIET )) || echo " (the static baseline itself, so no ratio is given)"): no ratio is printed for these."
    fi
    echo
    echo "Page built without the output cache (a second instance with Cache:Disabled=true, median of 9 single requests after 100 untimed):"
    echo "home ${UNCACHED_HOME} ms, news list page 2 ${UNCACHED_LIST} ms, last news page ${UNCACHED_LIST_LAST} ms,"
    echo "article ${UNCACHED_ARTICLE} ms, search \"dao tao\" ${UNCACHED_SEARCH} ms, programme page \`/chuong-trinh\` ${UNCACHED_PROGRAM} ms ($PROGRAM_BYTES bytes of HTML)."
    if (( PRODUCTS > 0 )); then
        echo "Products ($PRODUCTS generated, $(grep -c '^- slug:' "$TMP/content/establishments.yml") establishments): list with two facets ${UNCACHED_PRODUCT_LIST} ms,"
        echo "unfiltered list \`/san-pham\` ${UNCACHED_PRODUCT_ALL} ms, product page ${UNCACHED_PRODUCT} ms."
    fi
    if (( ${#NOTES[@]} > 0 )); then
        echo
        printf '%s\n' "${NOTES[@]}"
    fi
} >"$REPORT"

mkdir -p "$OUT_DIR"
RESULT_NAME="results-$ARTICLES"
(( PRODUCTS == 0 )) || RESULT_NAME+="-products$PRODUCTS"
(( REPLICATE == 1 )) || RESULT_NAME+="-replicate$REPLICATE"
[[ "$PROVIDER" == sqlite ]] || RESULT_NAME+="-$PROVIDER"
(( NODES == 1 )) || RESULT_NAME+="-nodes$NODES"
[[ -z "$REDIS" ]] || RESULT_NAME+="-redis"
cp "$REPORT" "$OUT_DIR/$RESULT_NAME.md"
cp "$TMP/wrk-all.txt" "$OUT_DIR/$RESULT_NAME-wrk.txt"
echo
cat "$REPORT"
echo
log "written to ${OUT_DIR#"$REPO/"}/$RESULT_NAME.md (raw wrk output: $RESULT_NAME-wrk.txt)"
exit 0
}
