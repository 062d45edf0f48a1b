#!/usr/bin/env bash
# Throwaway PostgreSQL, Redis and SMTP servers for the tests, each on a free 127.0.0.1 port in a temporary folder.
#   eval "$(bash tests/services.sh start /tmp/kc-services)"   # prints the exports the tests read
#   bash tests/services.sh stop /tmp/kc-services
# No system service is assumed or touched. PostgreSQL's initdb refuses root, so the cluster belongs to the
# `postgres` user (created by Debian's package) and is run with runuser.
set -euo pipefail

cmd=${1:?start|stop}
dir=${2:?folder}

pg_bin() {
    local v
    for v in 17 16 15; do
        if [ -x "/usr/lib/postgresql/$v/bin/pg_ctl" ]; then echo "/usr/lib/postgresql/$v/bin"; return; fi
    done
    echo "no PostgreSQL server binaries under /usr/lib/postgresql (apt-get install postgresql)" >&2
    exit 1
}

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

as_postgres() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$cmd" in
start)
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    # The postgres user must reach its cluster inside (mktemp -d makes folders only root may enter).
    chmod 755 "$dir"
    bin=$(pg_bin)
    pg_port=$(free_port)
    mkdir -p "$dir/pg"
    [ "$(id -u)" = 0 ] && chown postgres: "$dir/pg"
    chmod 700 "$dir/pg"
    # C.UTF-8: byte-order collation, the same ordering of Vietnamese text as SQLite's default BINARY (README).
    as_postgres "$bin/initdb" -D "$dir/pg/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/pg-initdb.log" 2>&1 \
        || { cat "$dir/pg-initdb.log" >&2; exit 1; }
    # Throwaway data: durability settings off for speed (the tests of durability use SQLite and kill nodes on a
    # separate server they start themselves).
    as_postgres "$bin/pg_ctl" -D "$dir/pg/data" -l "$dir/pg/server.log" -w -t 60 \
        -o "-p $pg_port -k $dir/pg -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
        start >/dev/null || { cat "$dir/pg/server.log" >&2; exit 1; }
    redis_port=$(free_port)
    mkdir -p "$dir/redis"
    redis-server --port "$redis_port" --bind 127.0.0.1 --dir "$dir/redis" --save '' --appendonly no \
        --daemonize yes --pidfile "$dir/redis/redis.pid" --logfile "$dir/redis/redis.log"
    for _ in $(seq 50); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.1; done
    redis-cli -p "$redis_port" ping >/dev/null
    # SMTP: Debian's aiosmtpd (python3-aiosmtpd) writes every message it accepts into a Maildir, one file each
    # (new/), which the mail tests read back with MimeKit. -n: stay root (no setuid to nobody).
    smtp_port=$(free_port)
    mkdir -p "$dir/smtp/maildir/tmp" "$dir/smtp/maildir/new" "$dir/smtp/maildir/cur"
    setsid /usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$smtp_port" -c aiosmtpd.handlers.Mailbox "$dir/smtp/maildir" \
        >"$dir/smtp/smtp.log" 2>&1 </dev/null &
    echo $! >"$dir/smtp/smtp.pid"
    for _ in $(seq 100); do
        python3 -c "import socket,sys; s=socket.socket(); sys.exit(s.connect_ex(('127.0.0.1',$smtp_port)))" 2>/dev/null && break
        sleep 0.1
    done
    python3 -c "import socket,sys; s=socket.socket(); sys.exit(s.connect_ex(('127.0.0.1',$smtp_port)))" \
        || { cat "$dir/smtp/smtp.log" >&2; echo "aiosmtpd did not start (apt-get install python3-aiosmtpd)" >&2; exit 1; }
    cat <<EOF
export KC_TEST_POSTGRES='Host=127.0.0.1;Port=$pg_port;Username=postgres;Password=unused'
export KC_TEST_PG_BIN='$bin'
export KC_TEST_REDIS='127.0.0.1:$redis_port'
export KC_TEST_SMTP='127.0.0.1:$smtp_port'
export KC_TEST_SMTP_MAILDIR='$dir/smtp/maildir'
export KC_TEST_SERVICES_DIR='$dir'
EOF
    ;;
stop)
    [ -d "$dir" ] || exit 0
    if [ -f "$dir/pg/data/postmaster.pid" ]; then
        as_postgres "$(pg_bin)/pg_ctl" -D "$dir/pg/data" -m immediate stop >/dev/null 2>&1 || true
    fi
    if [ -f "$dir/redis/redis.pid" ]; then
        kill "$(cat "$dir/redis/redis.pid")" 2>/dev/null || true
    fi
    if [ -f "$dir/smtp/smtp.pid" ]; then
        kill "$(cat "$dir/smtp/smtp.pid")" 2>/dev/null || true
    fi
    rm -rf "$dir"
    ;;
*)
    echo "usage: $0 start|stop <folder>" >&2
    exit 2
    ;;
esac
