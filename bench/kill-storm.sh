#!/usr/bin/env bash
# Kill storm against the real app on 127.0.0.1: CLIENTS concurrent clients submit full registrations while the
# server is killed with SIGKILL at a random moment 3–8 s after each start, KILLS times (and restarted each time). Then every
# acknowledged submission must be stored exactly once and PRAGMA integrity_check must say ok.
#   bench/kill-storm.sh [KILLS=20] [CLIENTS=16] [PORT=5162]
# Needs a Release build (dotnet build -c Release) and python3. Not part of the test suite (takes minutes).
set -euo pipefail
KILLS=${1:-20}
CLIENTS=${2:-16}
PORT=${3:-5162}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DLL="$ROOT/src/KhuyenCong.Web/bin/Release/net10.0/KhuyenCong.Web.dll"
WORK=$(mktemp -d /tmp/kc-kill-storm.XXXXXX)
DATA="$WORK/data"
STOP="$WORK/stop"
RESULT="$WORK/client.json"
[ -f "$DLL" ] || { echo "build first: dotnet build -c Release" >&2; exit 2; }

start_server() {
  ASPNETCORE_URLS="http://127.0.0.1:$PORT" ASPNETCORE_ENVIRONMENT=Production Data__Path="$DATA" \
  Registration__MinimumFillSeconds=0 Registration__SubmitsPerWindow=1000000 Logging__LogLevel__Default=Warning \
    dotnet "$DLL" >>"$WORK/server.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 300); do
    if curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1; then return 0; fi
    if ! kill -0 "$SERVER" 2>/dev/null; then echo "server exited; see $WORK/server.log" >&2; exit 1; fi
    sleep 0.1
  done
  echo "server did not become healthy" >&2; exit 1
}

start_server
echo "server up (pid $SERVER); $CLIENTS clients; $KILLS kills; work folder $WORK"
python3 "$ROOT/bench/kill_storm_client.py" --port "$PORT" --clients "$CLIENTS" --stop-file "$STOP" --out "$RESULT" &
CLIENT=$!
STARTED=$(date +%s)
for i in $(seq 1 "$KILLS"); do
  sleep "$(awk -v r=$RANDOM 'BEGIN { printf "%.2f", 3 + (r % 5000) / 1000 }')"
  kill -9 "$SERVER"
  wait "$SERVER" 2>/dev/null || true
  echo "kill $i/$KILLS"
  start_server
done
sleep 3
touch "$STOP"
wait "$CLIENT"
ELAPSED=$(( $(date +%s) - STARTED ))
kill -TERM "$SERVER"; wait "$SERVER" 2>/dev/null || true

python3 - "$DATA/khuyencong.db" "$RESULT" "$KILLS" "$CLIENTS" "$ELAPSED" <<'PY'
import json, sqlite3, sys
db_path, result_path, kills, clients, elapsed = sys.argv[1:6]
result = json.load(open(result_path, encoding="utf-8"))
db = sqlite3.connect(db_path)
integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
rows = db.execute("SELECT EstablishmentName, upper(IdempotencyKey), Reference FROM Registrations WHERE EstablishmentName LIKE ?",
                  (f"KS-{result['run']}-%",)).fetchall()
by_marker = {}
for marker, key, reference in rows:
    by_marker.setdefault(marker, []).append((key, reference))
acked = result["acked"]
lost = [a for a in acked if a["marker"] not in by_marker or all(k != a["key"].upper() for k, _ in by_marker[a["marker"]])]
wrong_reference = [a for a in acked if a["reference"] and a["marker"] in by_marker and all(r != a["reference"] for _, r in by_marker[a["marker"]])]
duplicated = sum(len(v) - 1 for v in by_marker.values())
unacked_stored = len([m for m in by_marker if m not in {a["marker"] for a in acked}])
print(f"kills: {kills}, clients: {clients}, seconds: {elapsed}")
print(f"acknowledged: {len(acked)}")
print(f"stored: {len(rows)} (of which stored but never acknowledged, in flight at a kill: {unacked_stored})")
print(f"lost: {len(lost)}")
print(f"duplicated: {duplicated}")
print(f"confirmation showing another reference: {len(wrong_reference)}")
print(f"client restarts before submit: {result['restarts_before_submit']}, submit retries: {result['submit_retries']}, submits refused: {result['submit_refused']}")
print(f"integrity_check: {integrity}")
sys.exit(0 if not lost and duplicated == 0 and integrity == "ok" and not wrong_reference else 1)
PY
