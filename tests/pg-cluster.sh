#!/usr/bin/env bash
# SPDX-FileCopyrightText: Collectiv'Récup developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A throwaway PostgreSQL cluster for the tests and benchmarks.
#   tests/pg-cluster.sh start DIR   creates and starts a cluster in DIR (empty or absent) and
#                                   prints one line on stdout: the libpq conninfo of the
#                                   superuser `postgres`. Everything else goes to stderr.
#   tests/pg-cluster.sh stop DIR    stops it and removes DIR.
# Run as root, the cluster belongs to the `postgres` user (PostgreSQL refuses root); run as
# anyone else, it belongs to that user. Trust on the socket, SCRAM over TCP, fsync off: tests only.
# PG_BINDIR overrides where the server binaries are (default: the newest /usr/lib/postgresql/N).
set -euo pipefail

readonly marker=.recup-pg-cluster
readonly first_port=55432
readonly last_port=55631

die() {
    echo "pg-cluster : $*" >&2
    exit 1
}

usage() {
    echo "usage : $0 start|stop DIR" >&2
    exit 2
}

find_bindir() {
    if [[ -n ${PG_BINDIR:-} ]]; then
        [[ -x $PG_BINDIR/initdb ]] || die "PG_BINDIR=$PG_BINDIR ne contient pas initdb."
        echo "$PG_BINDIR"
        return
    fi
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5,5n | tail -n 1 || true)
    [[ -n $dir && -x $dir/initdb ]] \
        || die "serveur PostgreSQL introuvable ; lancez : sudo packaging/install-deps.sh test"
    echo "$dir"
}

# Runs a command as the cluster's owner, from a directory that owner can read.
as_owner() {
    if [[ $(id -u) -eq 0 ]]; then
        (cd / && runuser -u postgres -- "$@")
    else
        (cd / && "$@")
    fi
}

# True when nothing listens on 127.0.0.1:PORT (and we may bind it).
port_is_free() {
    local port=$1
    if [[ -x /usr/bin/python3 ]]; then
        /usr/bin/python3 - "$port" <<'EOF' 2>/dev/null
import socket, sys
with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
    s.bind(("127.0.0.1", int(sys.argv[1])))
EOF
    elif command -v ss >/dev/null; then
        [[ -z $(ss -Hltn "sport = :$port") ]]
    elif (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        return 1
    fi
}

start() {
    local dir=$1 bindir port conninfo
    bindir=$(find_bindir)

    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd -P)
    [[ -z $(ls -A "$dir") ]] || die "$dir n'est pas vide : donnez un dossier neuf (mktemp -d)."
    # The socket path must fit in sockaddr_un (107 bytes).
    [[ $((${#dir} + 25)) -lt 107 ]] || die "chemin trop long pour une socket Unix : $dir"

    touch "$dir/$marker"
    mkdir "$dir/socket"
    chmod 755 "$dir" "$dir/socket" # any local user may reach the socket
    if [[ $(id -u) -eq 0 ]]; then
        id postgres >/dev/null 2>&1 \
            || die "l'utilisateur postgres n'existe pas ; lancez : packaging/install-deps.sh test"
        chown -R postgres: "$dir"
        runuser -u postgres -- test -w "$dir" \
            || die "l'utilisateur postgres ne peut pas écrire dans $dir (dossier parent fermé ?)."
    fi

    # Unix socket: trust (the tests' superuser); TCP on 127.0.0.1: SCRAM passwords, as in production.
    as_owner "$bindir/initdb" --pgdata="$dir/data" --username=postgres --auth-local=trust \
        --auth-host=scram-sha-256 \
        --encoding=UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; die "initdb a échoué."; }

    cat >>"$dir/data/postgresql.conf" <<EOF

# Throwaway test cluster (tests/pg-cluster.sh).
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir/socket'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
log_min_messages = warning
# Counting the statements a screen costs (tst_cataloguequery: at most 2 per catalogue page).
shared_preload_libraries = 'pg_stat_statements'
pg_stat_statements.track = top
pg_stat_statements.track_utility = off
EOF

    # Another process may take a free port between the check and the start: try the next.
    for ((port = first_port; port <= last_port; port++)); do
        port_is_free "$port" || continue
        rm -f "$dir/postgresql.log"
        if as_owner "$bindir/pg_ctl" --pgdata="$dir/data" --log="$dir/postgresql.log" \
            --wait --timeout=60 --options="-p $port" start >/dev/null 2>&1; then
            conninfo="host=$dir/socket port=$port user=postgres dbname=postgres"
            echo "$port" >"$dir/port"
            check_extensions "$bindir" "$conninfo" || {
                stop "$dir"
                die "extensions manquantes ; lancez : packaging/install-deps.sh test"
            }
            echo "$conninfo"
            return 0
        fi
        if ! grep -qiE 'could not (bind|create lock file)|address already in use' \
            "$dir/postgresql.log" 2>/dev/null; then
            cat "$dir/postgresql.log" >&2 2>/dev/null || true
            die "le serveur n'a pas démarré (journal ci-dessus)."
        fi
    done
    die "aucun port libre entre $first_port et $last_port."
}

# unaccent and pg_trgm come from postgresql-contrib, pgtap from postgresql-15-pgtap.
check_extensions() {
    local bindir=$1 conninfo=$2 available
    available=$("$bindir/psql" "$conninfo" -XAtq -c \
        "select count(*) from pg_available_extensions
          where name in ('unaccent', 'pg_trgm', 'pgtap')")
    if [[ $available != 3 ]]; then
        "$bindir/psql" "$conninfo" -XAtq -c \
            "select 'disponible : ' || name from pg_available_extensions
              where name in ('unaccent', 'pg_trgm', 'pgtap')" >&2 || true
        return 1
    fi
}

stop() {
    local dir=$1 bindir
    [[ -d $dir ]] || return 0
    [[ -e $dir/$marker ]] || die "$dir n'a pas été créé par pg-cluster.sh : je n'y touche pas."
    if [[ -f $dir/data/postmaster.pid ]]; then
        bindir=$(find_bindir)
        as_owner "$bindir/pg_ctl" --pgdata="$dir/data" --mode=fast --wait --timeout=60 stop \
            >/dev/null 2>&1 || echo "pg-cluster : arrêt du serveur de $dir impossible." >&2
    fi
    rm -rf -- "$dir"
}

[[ $# -eq 2 ]] || usage
case "$1" in
start) start "$2" ;;
stop) stop "$2" ;;
*) usage ;;
esac
