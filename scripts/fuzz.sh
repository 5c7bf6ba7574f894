#!/usr/bin/env bash
# Fuzz podium-core with cargo-fuzz (libFuzzer): each target runs for a bounded time.
#
#   scripts/fuzz.sh                    every target, FUZZ_SECONDS (default 60) each
#   FUZZ_SECONDS=600 scripts/fuzz.sh   longer runs
#   FUZZ_TARGETS="url_fragment" scripts/fuzz.sh
#
# Targets (crates/podium-core/fuzz/fuzz_targets/): parse_document, topics, search,
# url_fragment. Seeds come from corpus/, tests/hostile/ and fuzz/seeds/; what libFuzzer finds
# is kept in fuzz/corpus/<target>/ (not committed). A crash leaves its input in
# fuzz/artifacts/<target>/ and makes the script exit 1 after the remaining targets ran;
# turn it into a regression test in crates/podium-core/tests/hostile.rs.
#
# Needs cargo-fuzz (`scripts/setup.sh fuzz`). cargo-fuzz asks for nightly-only flags; the
# stable toolchain accepts them with RUSTC_BOOTSTRAP=1. `--sanitizer none`: panics and
# hangs are what we look for, and safe Rust needs no AddressSanitizer.
# Logs: fuzz/logs/<target>.log, totals in fuzz/logs/summary.txt.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$PWD
fuzz_dir=crates/podium-core/fuzz
seconds=${FUZZ_SECONDS:-60}
targets=${FUZZ_TARGETS:-parse_document topics search url_fragment}
export PATH="$HOME/.cargo/bin:$PATH"
export RUSTC_BOOTSTRAP=1

command -v cargo-fuzz >/dev/null || {
  echo "fuzz: cargo-fuzz not found; run 'bash scripts/setup.sh fuzz'" >&2
  exit 1
}

flags=(--sanitizer none -O)
echo "fuzz: building targets" >&2
(cd crates/podium-core && cargo fuzz build "${flags[@]}")

mkdir -p "$fuzz_dir/logs"
summary=$fuzz_dir/logs/summary.txt
: >"$summary"
failed=()
total_runs=0
total_seconds=0
for t in $targets; do
  corpus=$fuzz_dir/corpus/$t
  mkdir -p "$corpus" "$fuzz_dir/artifacts/$t"
  seeds=()
  [ -d "$fuzz_dir/seeds/$t" ] && seeds+=("$root/$fuzz_dir/seeds/$t")
  max_len=4096
  case $t in
    parse_document)
      seeds+=("$root/corpus" "$root/tests/hostile")
      max_len=16384
      ;;
    topics) seeds+=("$root/corpus") ;;
  esac
  log=$fuzz_dir/logs/$t.log
  echo "fuzz: $t for ${seconds}s (log: $log)" >&2
  start=$(date +%s)
  status=0
  # -timeout: an input taking longer than 10 s is a hang; -rss_limit_mb: a blow-up.
  (cd crates/podium-core && cargo fuzz run "${flags[@]}" "$t" "$root/$corpus" "${seeds[@]}" -- \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len="$max_len" \
    -print_final_stats=1 -artifact_prefix="$root/$fuzz_dir/artifacts/$t/") >"$log" 2>&1 || status=$?
  elapsed=$(($(date +%s) - start))
  runs=$(sed -n 's/^#\([0-9][0-9]*\)[[:space:]]*DONE.*/\1/p' "$log" | tail -1)
  runs=${runs:-0}
  total_runs=$((total_runs + runs))
  total_seconds=$((total_seconds + elapsed))
  if [ "$status" -ne 0 ]; then
    failed+=("$t")
    echo "fuzz: $t FAILED (exit $status); input in $fuzz_dir/artifacts/$t/; end of log:" >&2
    grep -A6 "panicked\|ERROR\|Failing input" "$log" | cut -c1-300 | head -40 >&2
  fi
  line="$t: $runs executions in ${elapsed}s"
  [ "$status" -eq 0 ] || line+=", FAILED"
  echo "fuzz: $line" >&2
  echo "$line" >>"$summary"
done
echo "total: $total_runs executions in ${total_seconds}s" >>"$summary"
echo "fuzz: total $total_runs executions in ${total_seconds}s" >&2
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: crashes in: ${failed[*]}" >&2
  exit 1
fi
