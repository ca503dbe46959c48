#!/usr/bin/env bash
# The benchmark suite (issue #6), one command: installs wrk, nginx and redis-server when missing, builds the jars,
# runs every benchmark on 127.0.0.1 for a bounded time and writes docs/BENCHMARKS.md.
#
#   bench/run.sh                       # the whole suite, about 30 minutes on 2 cores
#   BENCH_REPS=3 BENCH_SECONDS=8 ...   # repetitions per cell, seconds per overhead cell
#   BENCH_ONLY=overhead,profile ...    # some sections only (overhead,efficiency,burst,footprint,profile,loops)
#   BENCH_OUT=/tmp/b.md ...            # write the report elsewhere
#   BENCH_SKIP_BUILD=1 ...             # use the jars already built
#   BENCH_BASELINE=REV ...             # also measure the gateway built from git revision REV (before and after)
set -euo pipefail
cd "$(dirname "$0")/.."

REPS="${BENCH_REPS:-3}"
SECONDS_PER_CELL="${BENCH_SECONDS:-8}"
ONLY="${BENCH_ONLY:-overhead,efficiency,burst,footprint,profile,loops}"
OUT="${BENCH_OUT:-docs/BENCHMARKS.md}"

# Tools: Java 17+ and Maven to build, wrk to drive load, nginx as the plain proxy, jcmd/jfr with the JDK.
need=()
command -v java >/dev/null 2>&1 && java -version 2>&1 | grep -qE 'version "(1[7-9]|2[0-9])' || need+=(openjdk-17-jdk-headless)
command -v jcmd >/dev/null 2>&1 || need+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || need+=(maven)
command -v wrk >/dev/null 2>&1 || need+=(wrk)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need+=(nginx)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)   # the burst over replicas shares Redis
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "bench/run.sh: missing ${need[*]}; install them (apt-get install -y ${need[*]}) or run as root" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  # Installing nginx must not start the system's nginx on port 80: no service starts during the install.
  created_policy=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && created_policy=1
  fi
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${need[@]}"
  if [ "$created_policy" = 1 ]; then rm -f /usr/sbin/policy-rc.d; fi
fi
export PATH="$PATH:/usr/sbin"

if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
  mvn -B -q -DskipTests package
fi

# The suite runs from copies of the jars, so that a build in this work tree during the run changes nothing.
WORK="$(mktemp -d "${TMPDIR:-/tmp}/scim-gateway-bench.XXXXXX")"
cp benchmarks/target/scim-gateway-benchmarks.jar "$WORK/scim-gateway-benchmarks.jar"
cp distribution/target/scim-gateway.jar "$WORK/scim-gateway.jar"
echo "bench/run.sh: work directory $WORK"

# Before and after in one run: the gateway of an earlier revision, built in a worktree of its own, runs as
# one more path of the overhead benchmark.
if [ -n "${BENCH_BASELINE:-}" ]; then
  BASELINE_SRC="$WORK/baseline-src"
  git worktree add --detach -q "$BASELINE_SRC" "$BENCH_BASELINE"
  (cd "$BASELINE_SRC" && mvn -B -q -DskipTests package -pl distribution -am)
  cp "$BASELINE_SRC/distribution/target/scim-gateway.jar" "$WORK/scim-gateway-baseline.jar"
  git log -1 --format='`%h` (%s)' "$BENCH_BASELINE" > "$WORK/baseline.txt"
  git worktree remove --force "$BASELINE_SRC"
fi

# The command as the report states it, with the settings that differ from the defaults.
COMMAND="bench/run.sh"
[ "$REPS" = 3 ] || COMMAND="BENCH_REPS=$REPS $COMMAND"
[ "$SECONDS_PER_CELL" = 8 ] || COMMAND="BENCH_SECONDS=$SECONDS_PER_CELL $COMMAND"
[ "$ONLY" = overhead,efficiency,burst,footprint,profile,loops ] || COMMAND="BENCH_ONLY=$ONLY $COMMAND"
[ -z "${BENCH_BASELINE:-}" ] || COMMAND="BENCH_BASELINE=$BENCH_BASELINE $COMMAND"

java -jar "$WORK/scim-gateway-benchmarks.jar" run --repo . --work "$WORK" --out "$OUT" \
  --reps "$REPS" --seconds "$SECONDS_PER_CELL" --only "$ONLY" --command "$COMMAND"
