#!/usr/bin/env bash
# Measures a change against its base on this machine: builds both commits in worktrees of their own, runs the gateway
# pair with each in turn (alternating, so that the machine's drift in speed falls on both), then prints each pair's
# figures and the ratios other / base (the benchmark's `compare` command).
#
# usage: tests/ExchangeGateway.Benchmarks/compare.sh BASE [OTHER] [-- benchmark options]
#   BASE, OTHER   commits (OTHER defaults to HEAD); PAIRS=N in the environment sets the pairs of runs (default 3)
#   options       replace the defaults below where given again (a later option wins), e.g. -- --concurrency 64
set -euo pipefail
base=${1:?usage: compare.sh BASE [OTHER] [-- benchmark options]}
shift
other=HEAD
if [ $# -gt 0 ] && [ "$1" != "--" ]; then other=$1; shift; fi
if [ "${1:-}" = "--" ]; then shift; fi
pairs=${PAIRS:-3}

repo=$(git rev-parse --show-toplevel)
work=$(mktemp -d -t exgw-compare-XXXXXX)
cleanup() {
  git -C "$repo" worktree remove --force "$work/base" 2>/dev/null || true
  git -C "$repo" worktree remove --force "$work/other" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

for side in base other; do
  rev=$base; [ "$side" = other ] && rev=$other
  git -C "$repo" worktree add --detach "$work/$side" "$rev" > /dev/null
  echo "building $side ($(git -C "$work/$side" log -1 --format='%h %s' | cut -c1-80))"
  dotnet build -c Release "$work/$side/tests/ExchangeGateway.Benchmarks" > "$work/$side-build.log" 2>&1 \
    || { cat "$work/$side-build.log"; exit 1; }
done

options=(--paths gateway-pair --payloads 1024 --generators dotnet --concurrency 1,64 --repetitions 2 --duration 5
  --warmup 3 "$@")
files=()
for i in $(seq 1 "$pairs"); do
  for side in base other; do
    out="$work/$side-$i"
    echo "pair $i: $side"
    dotnet run -c Release --no-build --project "$work/$side/tests/ExchangeGateway.Benchmarks" -- --out "$out" \
      "${options[@]}" > "$out.log" 2>&1 || echo "  the run reported a failure: $(tail -1 "$out.log")" >&2
    files+=("$out/benchmark.json")
  done
done

# The other build's compare command, already built: the working tree may be mid-change.
dotnet run -c Release --no-build --project "$work/other/tests/ExchangeGateway.Benchmarks" -- compare "${files[@]}"
