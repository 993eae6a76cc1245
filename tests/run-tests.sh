#!/usr/bin/env bash
# SPDX-FileCopyrightText: Collectiv'Récup developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# tests/run-tests.sh BUILD_DIR [CTEST_ARGS...]
# Runs every CTest suite of BUILD_DIR against a throwaway PostgreSQL cluster, on the offscreen
# platform, and tees ctest's output to BUILD_DIR/ctest.log. Fails when ctest fails, and also
# when a PostgreSQL test was skipped: with the cluster up, that is a test that did not run.
# RECUP_ALLOWED_SKIPS, an extended regex, exempts the skip lines it matches (none by default).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)

[[ $# -ge 1 ]] || { echo "usage : $0 BUILD_DIR [arguments de ctest...]" >&2; exit 2; }
build_dir=$(cd "$1" && pwd -P)
shift
[[ -f $build_dir/CTestTestfile.cmake ]] \
    || { echo "run-tests : $build_dir n'est pas un dossier de build configuré avec BUILD_TESTING=ON." >&2; exit 2; }

cluster_dir=$(mktemp -d "${TMPDIR:-/tmp}/recup-pg.XXXXXX")
cleanup() {
    bash "$here/pg-cluster.sh" stop "$cluster_dir" || true
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

RECUP_TEST_PG=$(bash "$here/pg-cluster.sh" start "$cluster_dir")
export RECUP_TEST_PG
export RECUP_REQUIRE_PG=1
export QT_QPA_PLATFORM=offscreen
export LC_ALL=C.UTF-8
echo "run-tests : PostgreSQL de test : $RECUP_TEST_PG"

log=$build_dir/ctest.log
rm -f "$build_dir/Testing/Temporary/LastTest.log" # read below: never a previous run's
set +e
ctest --test-dir "$build_dir" --output-on-failure --no-tests=error "$@" 2>&1 | tee "$log"
ctest_rc=${PIPESTATUS[0]}
set -e

# Skips. ctest shows a passing test's output only in LastTest.log, so read it per test:
# QtTest writes "SKIP   : Class::test() reason"; ctest writes "***Skipped" and "Not Run".
# A skip is a PostgreSQL one when the test's name or the skip's reason is about PostgreSQL;
# the others (a SQLite-only case, a missing display...) are listed but do not fail the run.
all_skips=$(
    {
        awk '/^[0-9]+\/[0-9]+ Test: / { sub(/^[0-9]+\/[0-9]+ Test: /, ""); test = $0; next }
             /^SKIP +:/ { print test ": " $0 }' "$build_dir/Testing/Temporary/LastTest.log" 2>/dev/null
        grep -E 'Test +#[0-9]+: .*\*\*\*(Skipped|Not Run)' "$log" \
            | sed -E 's/^.*Test +#[0-9]+: ([^ ]+) .*\*\*\*(Skipped|Not Run).*$/\1: ctest \2/'
    } | sort -u || true
)
if [[ -n $all_skips && -n ${RECUP_ALLOWED_SKIPS:-} ]]; then
    all_skips=$(grep -vE -- "$RECUP_ALLOWED_SKIPS" <<<"$all_skips" || true)
fi
# A PostgreSQL skip: a whole *_postgresql suite that did not run, or a case skipped because no
# cluster could be had. A case that skips for another reason (a SQLite-only check, no password
# safe on this machine) is listed but does not fail the run.
pg_pattern='_postgresql: ctest|RECUP_TEST_PG|RECUP_REQUIRE_PG|PostgreSQL unreachable|no PostgreSQL|cluster'
pg_skips=$(grep -iE -- "$pg_pattern" <<<"$all_skips" || true)
other_skips=$(grep -viE -- "$pg_pattern" <<<"$all_skips" | grep . || true)

if [[ -n $other_skips ]]; then
    echo "run-tests : tests sautés (hors PostgreSQL) :"
    sed 's/^/  /' <<<"$other_skips"
fi
if [[ -n $pg_skips ]]; then
    echo "run-tests : des tests PostgreSQL ont été sautés alors que le serveur est là (RECUP_REQUIRE_PG=1) :" >&2
    sed 's/^/  /' <<<"$pg_skips" >&2
    [[ $ctest_rc -ne 0 ]] || ctest_rc=1
fi

# A plain closing line from ctest's summary; ctest counts its skipped tests as passed.
summary=$(grep -E '^[0-9]+% tests passed, [0-9]+ tests? failed out of [0-9]+' "$log" | tail -n 1 || true)
if [[ $summary =~ ([0-9]+)\ tests?\ failed\ out\ of\ ([0-9]+) ]]; then
    failed=${BASH_REMATCH[1]}
    total=${BASH_REMATCH[2]}
    ctest_skipped=$(grep -cE 'Test +#[0-9]+: .*\*\*\*Skipped' "$log" || true)
    line="ctest: $((total - failed - ctest_skipped)) passed, $failed failed"
    skipped=$(grep -c . <<<"$all_skips" || true)
    [[ $skipped -eq 0 ]] || line+=", $skipped skipped"
    echo "$line"
fi
exit "$ctest_rc"
