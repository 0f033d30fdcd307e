#!/usr/bin/env bash
# Where each process of a path spends its CPU at one point, by component: the kernel, OpenSSL, SQLite, the .NET
# runtime (GC, JIT, .NET's native shims), libc and compiled .NET code. Runs the point (.NET client, 1 KiB) with the
# benchmark, samples each of the path's processes with `perf record` in the middle of the measured window, then
# prints each one's CPU per call from the same run and its shares of it, in % and in microseconds a call.
#
# usage: tests/ExchangeGateway.Benchmarks/profile.sh gateway-pair|relay-pair [CONCURRENCY] [SECONDS]
#   CONCURRENCY   calls in flight (default 64); SECONDS   sampled (default 10); about 30 s more for the run
# Needs `perf` (Debian: linux-perf) and the right to sample the benchmark's processes, kernel included (root, or
# kernel.perf_event_paranoid at most 1). The run and the samples stay in the folder the first line names.
set -euo pipefail
usage="usage: profile.sh gateway-pair|relay-pair [CONCURRENCY] [SECONDS]"
case ${1:-} in
  gateway-pair) pattern='gateway --config' ;;
  relay-pair) pattern='relay --port' ;;
  -h | --help) echo "$usage"; exit 0 ;;
  *) echo "profile.sh: the path is gateway-pair or relay-pair, not '${1:-}'; $usage" >&2; exit 2 ;;
esac
path=$1
conc=${2:-64}
secs=${3:-10}
for number in "$conc" "$secs"; do
  [[ $number =~ ^[1-9][0-9]*$ ]] || { echo "profile.sh: '$number' is not a positive whole number; $usage" >&2; exit 2; }
done
command -v perf > /dev/null || { echo "profile.sh: perf is not installed (Debian: linux-perf)" >&2; exit 2; }

repo=$(git rev-parse --show-toplevel)
work=$(mktemp -d -t exgw-profile-XXXXXX)
echo "$path, .NET client, 1 KiB, c=$conc, $secs s sampled; run and samples in $work"
dotnet build -c Release "$repo/tests/ExchangeGateway.Benchmarks" > "$work/build.log" 2>&1 \
  || { cat "$work/build.log"; exit 1; }
dotnet run -c Release --no-build --project "$repo/tests/ExchangeGateway.Benchmarks" -- --out "$work/run" \
  --paths "$path" --payloads 1024 --concurrency "$conc" --generators dotnet --repetitions 1 \
  --duration $((secs + 8)) > "$work/run.log" 2>&1 &
bench=$!

# Every process the benchmark started, at any depth: only those are sampled, and none is left behind when this
# script stops early (Ctrl+C included).
descendants() {
  local children
  children=$(pgrep -P "$1" || true)
  for child in $children; do
    echo "$child"
    descendants "$child"
  done
}
stop() {
  kill $(descendants "$bench") "$bench" 2> /dev/null || true
}
trap 'stop; exit 130' INT TERM

until grep -q "warm-up $path" "$work/run.log"; do
  kill -0 "$bench" 2> /dev/null || { cat "$work/run.log"; exit 1; }
  sleep 0.5
done

# The window has begun: sample its middle, every process of the path at once.
sleep 3
pids=()
for pid in $(descendants "$bench"); do
  cmdline=$(tr '\0' ' ' < "/proc/$pid/cmdline" 2> /dev/null || true)
  [[ $cmdline == *"$pattern"* ]] && pids+=("$pid") && echo "$cmdline" > "$work/$pid.cmdline"
done
[ ${#pids[@]} -eq 2 ] || { echo "profile.sh: found ${#pids[@]} processes of $path, not 2" >&2; stop; exit 1; }
samplers=()
for pid in "${pids[@]}"; do
  perf record -F 999 -p "$pid" -o "$work/$pid.data" -- sleep "$secs" > "$work/$pid.perf.log" 2>&1 &
  samplers+=("$!")
done
for sampler in "${samplers[@]}"; do
  wait "$sampler" || { cat "$work"/*.perf.log >&2; echo "profile.sh: perf record failed" >&2; stop; exit 1; }
done
wait "$bench" || { cat "$work/run.log"; exit 1; }

# The run's CPU per call of each process, as benchmark.md gives it: "consumer 150, provider 145, registry 19, ...".
cpu=$(grep -E "^\| $path \| 1 KiB \| $conc \|" "$work/run/benchmark.md" | head -1 | awk -F'|' '{ print $8 }' || true)
for pid in "${pids[@]}"; do
  case $(cat "$work/$pid.cmdline") in
    *consumer/gateway.json*) name=consumer ;;
    *provider/gateway.json*) name=provider ;;
    *"--upstream https"*) name=relay-front ;;
    *"--upstream http:"*) name=relay-back ;;
    *) name="pid $pid" ;;
  esac
  micros=$(echo "$cpu" | grep -oE "$name [0-9]+" | awk '{ print $2 }' || true)
  perf report -i "$work/$pid.data" --stdio --no-children --sort dso -n -q 2> /dev/null \
    | awk -v name="$name" -v micros="${micros:-0}" '
    {
      share = $1; sub("%", "", share); samples += $2; dso = $3
      if (dso ~ /kernel/) part = "kernel"
      else if (dso ~ /^libcrypto|^libssl/) part = "OpenSSL"
      else if (dso ~ /sqlite/) part = "SQLite"
      else if (dso ~ /^libcoreclr|^libclrjit|^libSystem\./) part = "runtime"
      else if (dso ~ /^libc\.|^ld-linux|vdso|^libm\./) part = "libc"
      else part = ".NET code"
      sum[part] += share
    }
    END {
      if (samples < 100) { printf "%s: %d samples, too few to read\n", name, samples; exit 1 }
      line = sprintf("%-12s %4d µs a call:", name, micros)
      n = split("kernel|OpenSSL|SQLite|runtime|libc|.NET code", order, "|")
      for (i = 1; i <= n; i++) {
        line = line sprintf("  %s %.0f %% (%.0f)", order[i], sum[order[i]], sum[order[i]] * micros / 100)
      }
      print line
    }'
done
