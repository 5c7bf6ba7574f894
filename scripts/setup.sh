#!/usr/bin/env bash
# Install what building and testing Podium needs; each step is skipped when already satisfied.
#
#   scripts/setup.sh build   Rust wasm target, trunk, wasm-bindgen-cli, npm tools, crates
#   scripts/setup.sh test    all of the above, plus rustfmt/clippy and Chromium for the e2e tests
#   scripts/setup.sh fuzz    cargo-fuzz and the fuzz project's crates (for `make fuzz`)
#
# Progress goes to stderr as "setup: ..." lines. Safe to run again and again; needs network
# access only to the package registries (crates.io, npm, Debian apt) and only for what is missing.
set -euo pipefail

TRUNK_VERSION=0.21.14
WASM_TARGET=wasm32-unknown-unknown

cd "$(dirname "${BASH_SOURCE[0]}")/.."
mode=${1:-build}
case "$mode" in
  build | test | fuzz) ;;
  *)
    echo "usage: $0 [build|test|fuzz]" >&2
    exit 2
    ;;
esac

say() { printf 'setup: %s\n' "$*" >&2; }
die() {
  printf 'setup: error: %s\n' "$*" >&2
  exit 1
}

# Run apt-get as root, through sudo when we are not root. `apt-get update` only runs when an
# install fails, so a machine with fresh package lists makes no extra request.
apt_install() {
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || die "need root or sudo to install: $*"
    sudo=(sudo)
  fi
  export DEBIAN_FRONTEND=noninteractive
  if ! "${sudo[@]}" apt-get install -y --no-install-recommends "$@"; then
    say "apt-get install failed; refreshing package lists and retrying"
    "${sudo[@]}" apt-get update
    "${sudo[@]}" apt-get install -y --no-install-recommends "$@"
  fi
}

# --- Rust toolchain -------------------------------------------------------------------------
if ! command -v cargo >/dev/null && [ -f "$HOME/.cargo/env" ]; then
  # shellcheck disable=SC1091
  . "$HOME/.cargo/env"
fi
command -v cargo >/dev/null || die "cargo not found: install Rust with rustup (https://rustup.rs) first"
command -v rustup >/dev/null || die "rustup not found: the wasm target is added with rustup"
export PATH="$HOME/.cargo/bin:$PATH"

if ! command -v cc >/dev/null; then
  say "installing a C toolchain (needed to compile trunk's dependencies)"
  apt_install build-essential pkg-config
fi

# --- cargo-fuzz (fuzz mode only) -----------------------------------------------------------
# cargo-fuzz 0.13 builds with stable Rust; it asks rustc for nightly-only flags, which
# scripts/fuzz.sh allows with RUSTC_BOOTSTRAP=1 (no nightly toolchain needed).
if [ "$mode" = fuzz ]; then
  if command -v cargo-fuzz >/dev/null && cargo fuzz --version >/dev/null 2>&1; then
    say "cargo-fuzz: present"
  else
    say "cargo-fuzz: installing with cargo (takes a few minutes)"
    cargo install cargo-fuzz --locked
  fi
  say "cargo fetch (fuzz project)"
  (cd crates/podium-core/fuzz && cargo fetch --quiet)
  say "done ($mode)"
  exit 0
fi

if rustup target list --installed | grep -qx "$WASM_TARGET"; then
  say "rust target $WASM_TARGET: present"
else
  say "rust target $WASM_TARGET: adding"
  rustup target add "$WASM_TARGET"
fi

if [ "$mode" = test ]; then
  for component in rustfmt clippy; do
    if rustup component list --installed | grep -q "^$component"; then
      say "rust component $component: present"
    else
      say "rust component $component: adding"
      rustup component add "$component"
    fi
  done
fi

# --- Crates (also makes sure Cargo.lock exists before we read versions from it) -------------
say "cargo fetch"
cargo fetch --quiet

# --- trunk ----------------------------------------------------------------------------------
if [ "$(trunk --version 2>/dev/null || true)" = "trunk $TRUNK_VERSION" ]; then
  say "trunk $TRUNK_VERSION: present"
else
  say "trunk $TRUNK_VERSION: installing with cargo (takes several minutes)"
  cargo install --locked "trunk@$TRUNK_VERSION"
fi

# --- wasm-bindgen-cli: must be exactly the wasm-bindgen version in Cargo.lock ---------------
bindgen_version=$(awk '
  /^\[\[package\]\]/ { in_pkg = 0 }
  /^name = "wasm-bindgen"$/ { in_pkg = 1; next }
  in_pkg && /^version = / { gsub(/"/, "", $3); print $3; exit }
' Cargo.lock)
[ -n "$bindgen_version" ] || die "could not read the wasm-bindgen version from Cargo.lock"
if [ "$(wasm-bindgen --version 2>/dev/null || true)" = "wasm-bindgen $bindgen_version" ]; then
  say "wasm-bindgen-cli $bindgen_version: present"
else
  say "wasm-bindgen-cli $bindgen_version: installing with cargo (takes a few minutes)"
  # Without --locked: that is the form checked to build with this project's toolchain.
  cargo install wasm-bindgen-cli --version "$bindgen_version"
fi

# --- npm tools: wasm-opt (binaryen) and playwright-core --------------------------------------
command -v node >/dev/null || die "node not found: install Node.js 20 or newer"
command -v npm >/dev/null || die "npm not found: install npm"
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" -ge 20 ] || die "Node.js $(node --version) is too old: playwright-core needs 20 or newer"

npm_stamp=node_modules/.package-lock.json
if [ -x node_modules/.bin/wasm-opt ] && [ -d node_modules/playwright-core ] &&
  [ -f "$npm_stamp" ] && [ "$npm_stamp" -nt package-lock.json ] && [ "$npm_stamp" -nt package.json ]; then
  say "npm packages (binaryen, playwright-core): up to date"
else
  say "npm packages (binaryen, playwright-core): installing"
  if [ -f package-lock.json ]; then
    npm ci --no-audit --no-fund
  else
    npm install --no-audit --no-fund
  fi
  touch "$npm_stamp"
fi
node_modules/.bin/wasm-opt --version >/dev/null || die "node_modules/.bin/wasm-opt does not run"

# --- Chromium for the browser tests ---------------------------------------------------------
if [ "$mode" = test ]; then
  if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then
    say "chromium and chromium-driver: present"
  else
    say "chromium and chromium-driver: installing with apt-get"
    apt_install chromium chromium-driver
  fi
fi

say "done ($mode)"
