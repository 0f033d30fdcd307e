#!/usr/bin/env bash
# Where each process of a path spends its CPU at one point, by component: the kernel, OpenSSL, SQLite, the .NET
# runtime (GC, JIT, the native shims), libc and compiled .NET code. Runs the point (.NET client, 1 KiB) with the
# benchmark, samples each of the path's processes with `perf record` in the middle of the measured window, then
# prints each one's shares beside its CPU per call from the same run: share x CPU per call = microseconds a call.
#
# usage: tests/ExchangeGateway.Benchmarks/profile.sh gateway-pair|relay-pair [CONCURRENCY] [SECONDS]
#   CONCURRENCY   calls in flight (default 64); SECONDS   sampled (default 10)
# Needs `perf` (Debian: linux-perf) and the rights to use it; run nothing else heavy meanwhile, and no other
# benchmark: the processes are found by their command lines.
set -euo pipefail
path=${1:?usage: profile.sh gateway-pair|relay-pair [CONCURRENCY] [SECONDS]}
conc=${2:-64}
secs=${3:-10}
case $path in
  gateway-pair) pattern='gateway --config' ;;
  relay-pair) pattern='relay --port' ;;
  *) echo "profile.sh: the path is gateway-pair or relay-pair, not '$path'" >&2; exit 2 ;;
esac
command -v perf > /dev/null || { echo "profile.sh: perf is not installed (Debian: linux-perf)" >&2; exit 2; }

repo=$(git rev-parse --show-toplevel)
work=$(mktemp -d -t exgw-profile-XXXXXX)
dotnet build -c Release "$repo/tests/ExchangeGateway.Benchmarks" > "$work/build.log" 2>&1 \
  || { cat "$work/build.log"; exit 1; }
dotnet run -c Release --no-build --project "$repo/tests/ExchangeGateway.Benchmarks" -- --out "$work/run" \
  --paths "$path" --payloads 1024 --concurrency "$conc" --generators dotnet --repetitions 1 \
  --duration $((secs + 8)) > "$work/run.log" 2>&1 &
bench=$!
until grep -q "warm-up $path" "$work/run.log"; do
  kill -0 "$bench" 2> /dev/null || { cat "$work/run.log"; exit 1; }
  sleep 0.5
done

# The window has begun: sample its middle, every process of the path at once.
sleep 3
pids=$(pgrep -f -- "$pattern")
for pid in $pids; do
  tr '\0' ' ' < "/proc/$pid/cmdline" > "$work/$pid.cmdline"
  perf record -F 999 -p "$pid" -o "$work/$pid.data" -- sleep "$secs" > /dev/null 2>&1 &
done
wait "$bench" || { cat "$work/run.log"; exit 1; }
wait

echo "$path, .NET client, 1 KiB, c=$conc; run and samples in $work"
grep -E "^\| $path \| 1 KiB \| $conc \|" "$work/run/benchmark.md" | head -1 \
  | awk -F'|' '{ print "CPU µs per call:" $8 }'
for pid in $pids; do
  case $(cat "$work/$pid.cmdline") in
    *consumer/gateway.json*) name=consumer-gw ;;
    *provider/gateway.json*) name=provider-gw ;;
    *"--upstream https"*) name=relay-front ;;
    *) name=relay-back ;;
  esac
  perf report -i "$work/$pid.data" --stdio --no-children --sort dso -q 2> /dev/null | awk -v name="$name" '
    {
      share = $1; sub("%", "", share); dso = $2
      if (dso ~ /kernel/) part = "kernel"
      else if (dso ~ /^libcrypto|^libssl/) part = "OpenSSL"
      else if (dso ~ /sqlite/) part = "SQLite"
      else if (dso ~ /^libcoreclr|^libclrjit|^libSystem\./) part = "runtime"
      else if (dso ~ /^libc\.|^ld-linux|vdso|^libm\./) part = "libc"
      else part = ".NET code"
      sum[part] += share
    }
    END {
      line = sprintf("%-12s", name)
      n = split("kernel|OpenSSL|SQLite|runtime|libc|.NET code", order, "|")
      for (i = 1; i <= n; i++) line = line sprintf("  %s %.0f %%", order[i], sum[order[i]])
      print line
    }'
done
