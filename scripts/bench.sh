#!/usr/bin/env bash
# `make bench`: Podium's size against a bare Leptos app, native core benchmarks, and the app
# in headless Chromium beside Pagefind, at several corpus sizes. Writes target/bench/report.md
# (bench/RESULTS.md is the commented copy of one run) and leaves the main build alone: the
# bench builds go to target/bench-app, target/floor and target/bench/.
#
#   BENCH_SIZES="100 1000"   synthetic corpus sizes (document counts); add 5000 if time allows
#   BENCH_ROUNDS=3           page loads / typing rounds per browser measure
#   BENCH_SKIP="criterion browser"   skip parts (size, criterion, browser, import)
#   BENCH_BROWSER="seeds 100"  browser points (default: seeds and BENCH_SIZES)
#   BENCH_REPORT=FILE        where the report goes (default target/bench/report.md)
#
# Each step is bounded by `timeout`; the whole takes about 10 minutes on 2 cores once the
# tools are installed (first run: add the compile of the bench builds, several minutes).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$PWD
export PATH="$root/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true

sizes=${BENCH_SIZES:-100 1000}
rounds=${BENCH_ROUNDS:-3}
skip=" ${BENCH_SKIP:-} "
out=target/bench
report=${BENCH_REPORT:-$out/report.md}
mkdir -p "$out" "$(dirname "$report")"

say() { printf 'bench: %s\n' "$*" >&2; }
skipped() { [[ "$skip" == *" $1 "* ]]; }

# Pagefind is not in package-lock.json: npm here cannot resolve its macOS and Windows
# binaries, and a lock without them makes `npm ci` (which `make test` runs) refuse. The
# benchmark installs it when it needs it; its Linux binary ships inside the npm package.
PAGEFIND_VERSION=1.6.0
if [ "$(pagefind --version 2>/dev/null | awk '{print $2}')" != "$PAGEFIND_VERSION" ]; then
  say "installing pagefind $PAGEFIND_VERSION (npm, no save)"
  npm install --no-save --no-audit --no-fund "pagefind@$PAGEFIND_VERSION" >&2
fi

for tool in trunk wasm-opt wasm-bindgen pagefind node; do
  command -v "$tool" >/dev/null || { say "$tool is missing: run 'make setup-test' (or 'make bench', which does)"; exit 1; }
done

{
  echo "# Podium benchmark run"
  echo
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo ' (with uncommitted changes)')"
  echo "- machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo), $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)"
  echo "- load average at start: $(cut -d' ' -f1-3 /proc/loadavg) (other processes share the CPU; timings are upper bounds)"
  echo "- tools: $(rustc --version), $(trunk --version), $(wasm-opt --version | head -1), node $(node --version), pagefind $(pagefind --version 2>/dev/null | awk '{print $2}'), $(/usr/bin/chromium --version 2>/dev/null || echo chromium)"
  echo "- sizes: seeds (corpus/) and synthetic ${sizes} documents (podium-cli synth --seed 1); rounds: $rounds"
  echo
} >"$report"

# --- Synthetic corpora (once; deterministic for the seed) --------------------------------------
timeout 600 cargo build --release -q -p podium-cli
for n in $sizes; do
  if [ -f "target/bench-corpus/$n/topics.toml" ]; then
    say "corpus $n: present"
  else
    say "corpus $n: generating"
    rm -rf "target/bench-corpus/$n"
    timeout 600 target/release/podium-cli synth --docs "$n" --out "target/bench-corpus/$n" --seed 1
  fi
done

# --- 1. Size: Podium (seed corpus) against the floor -------------------------------------------
if ! skipped size; then
  say "building the floor (bench/floor)"
  (cd bench/floor && CARGO_TARGET_DIR="$root/target/floor" timeout 1200 \
    trunk build --release --offline --dist "$root/$out/floor-dist" >"$root/$out/floor-build.log" 2>&1) ||
    { tail -20 "$out/floor-build.log" >&2; exit 1; }
  say "building Podium on corpus/"
  PODIUM_CORPUS="$root/corpus" CARGO_TARGET_DIR="$root/target/bench-app" timeout 1200 \
    trunk build --release --offline --dist "$out/podium-seeds" >"$out/podium-build.log" 2>&1 ||
    { tail -20 "$out/podium-build.log" >&2; exit 1; }
  {
    echo "## First-load size: Podium (seed corpus) and the floor"
    echo
    echo '`node bench/size.mjs target/bench/podium-seeds target/bench/floor-dist`'
    node bench/size.mjs "$out/podium-seeds" "$out/floor-dist"
    echo
  } >>"$report"
  wasm=target/bench-app/wasm32-unknown-unknown/release/podium.wasm
  if command -v twiggy >/dev/null; then
    {
      echo "## Where the wasm goes (twiggy, unstripped, before wasm-bindgen and wasm-opt)"
      echo
      echo "\`twiggy top -n 25 $wasm\`"
      echo
      echo '```'
      timeout 120 twiggy top -n 25 "$wasm" | cut -c1-160
      echo '```'
      echo
      echo "By crate (\`node bench/twiggy-crates.mjs\`), Podium then the floor:"
      echo
      timeout 120 node bench/twiggy-crates.mjs "$wasm"
      echo
      timeout 120 node bench/twiggy-crates.mjs target/floor/wasm32-unknown-unknown/release/podium-floor.wasm
      echo
    } >>"$report"
  else
    say "twiggy not installed: no size attribution (cargo install twiggy)"
  fi
fi

# --- 2. Native benchmarks ----------------------------------------------------------------------
if ! skipped criterion; then
  say "cargo bench (criterion)"
  bench_sizes=$(echo "$sizes" | tr ' ' ',')
  PODIUM_BENCH_CORPUS="$root/target/bench-corpus" PODIUM_BENCH_SIZES="$bench_sizes" timeout 1500 \
    cargo bench -p podium-core -F toml --bench core 2>&1 | tee "$out/criterion.txt" >&2
  {
    echo "## Native (criterion, \`cargo bench -p podium-core -F toml --bench core\`)"
    echo
    node bench/criterion-summary.mjs target/criterion
    echo
    echo "Corpora and query sizes:"
    echo
    echo '```'
    grep -E '^(corpus|query) ' "$out/criterion.txt" || true
    echo '```'
    echo
  } >>"$report"
fi

# --- 3 and 4. Browser, with Pagefind side by side ------------------------------------------------
if ! skipped browser; then
  echo "## Browser (headless Chromium), Podium and Pagefind" >>"$report"
  points=()
  for p in ${BENCH_BROWSER:-seeds $sizes}; do
    if [ "$p" = seeds ]; then points+=("corpus:seeds"); else points+=("target/bench-corpus/$p:$p"); fi
  done
  for point in "${points[@]}"; do
    dir=${point%%:*}
    label=${point##*:}
    dist_args=()
    [ "$label" = seeds ] && [ -f "$out/podium-seeds/index.html" ] && dist_args=(--dist "$out/podium-seeds")
    say "browser: $label"
    {
      echo
      echo "\`node bench/browser.mjs $dir --label $label --rounds $rounds ${dist_args[*]}\` (load average $(cut -d' ' -f1 /proc/loadavg))"
      timeout 1800 node bench/browser.mjs "$dir" --label "$label" --rounds "$rounds" "${dist_args[@]}"
    } >>"$report"
  done
  echo >>"$report"
fi

# --- 5. How long an import holds the main thread (seeds build, 100 synthetic documents) --------
if ! skipped import && [ -d target/bench-corpus/100 ] && [ -f "$out/podium-seeds/index.html" ]; then
  say "import freeze"
  {
    echo "## Import: how long it holds the page's main thread"
    echo
    echo "\`node bench/import-freeze.mjs --dist $out/podium-seeds --rounds $rounds target/bench-corpus/100\` (load average $(cut -d' ' -f1 /proc/loadavg))"
    echo
    timeout 900 node bench/import-freeze.mjs --dist "$out/podium-seeds" --rounds "$rounds" target/bench-corpus/100
    echo
    echo "The same while a reader types a search (\`--typing\`):"
    echo
    timeout 900 node bench/import-freeze.mjs --dist "$out/podium-seeds" --rounds "$rounds" --typing target/bench-corpus/100
    echo
    echo "Main-thread tasks and late frames of imports, from Chromium traces (\`bench/import-trace.mjs --rounds $rounds\`):"
    echo
    for which in "" --all --large; do
      # shellcheck disable=SC2086 # an empty $which is no argument
      timeout 600 node bench/import-trace.mjs $which --rounds "$rounds" --dist "$out/podium-seeds" target/bench-corpus/100 | sed 's/^/- /'
    done
    echo
  } >>"$report"
fi

echo "- load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$report"
say "done: $report"
cat "$report"
