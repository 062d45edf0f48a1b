#!/usr/bin/env python3
"""CPU time the app spends per request, read from /proc: a figure that stays honest on a busy machine.

    python3 bench/cpu_per_request.py --port PORT --pid PID [--requests N] [--path /tin-tuc | --varied-search]

Sends N requests one at a time over one keep-alive connection (after 20 untimed ones) with a browser's
Accept-Encoding, and prints the app process's CPU milliseconds per request (user + system, all its threads) with the
wall-clock median and 90th percentile. --varied-search builds each URL as bench/search-varied.lua does (its query
and extra-word lists are read from that file). Only 127.0.0.1 is contacted. Wall-clock figures from a loaded
machine mean little; the CPU figure is what a quiet run's throughput is bounded by (two cores: ~2000 / cpu_ms req/s).
"""
import argparse, http.client, os, random, re, time, urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))


def lua_list(source, name):
    body = re.search(r"local %s = \{(.*?)\n\}" % name, source, re.S).group(1)
    return re.findall(r'"([^"]*)"', re.sub(r"--[^\n]*", "", body))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--pid", type=int, required=True)
    ap.add_argument("--requests", type=int, default=300)
    ap.add_argument("--path", default="/")
    ap.add_argument("--varied-search", action="store_true")
    ap.add_argument("--accept-encoding", default="br, gzip")
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    lua = open(os.path.join(HERE, "search-varied.lua"), encoding="utf-8").read()
    queries, extras = lua_list(lua, "queries"), lua_list(lua, "extras")
    rnd = random.Random(a.seed)

    def url():
        if not a.varied_search:
            return a.path
        q = rnd.choice(queries)
        if rnd.random() < 0.7:
            q += " " + rnd.choice(extras)
        page = rnd.randint(1, 5)
        return "/tim-kiem?q=" + urllib.parse.quote(q) + (f"&trang={page}" if page > 1 else "")

    def cpu_seconds():
        fields = open(f"/proc/{a.pid}/stat").read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    conn = http.client.HTTPConnection("127.0.0.1", a.port, timeout=120)
    headers = {"Accept": "text/html", "Accept-Encoding": a.accept_encoding}

    def get():
        conn.request("GET", url(), headers=headers)
        response = conn.getresponse()
        response.read()
        return response.status

    for _ in range(20):
        get()
    before, walls, codes = cpu_seconds(), [], {}
    for _ in range(a.requests):
        started = time.monotonic()
        status = get()
        walls.append(time.monotonic() - started)
        codes[status] = codes.get(status, 0) + 1
    used = cpu_seconds() - before
    walls.sort()
    what = "varied search" if a.varied_search else a.path
    print(f"{what}: {1000 * used / a.requests:.2f} ms CPU per request; wall median {1000 * walls[len(walls) // 2]:.2f} ms,"
          f" p90 {1000 * walls[int(len(walls) * 0.9)]:.2f} ms; {a.requests} requests, statuses {codes}; load {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
