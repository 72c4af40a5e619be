#!/usr/bin/env bash
# `npm start`: the local marketplace. Installs what is missing, builds the contracts, then runs
# scripts/marketplace.ts until Ctrl-C.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
bash scripts/bootstrap.sh
export PATH="$ROOT/node_modules/.bin:$PATH"
tsx scripts/contracts/build.ts
exec tsx scripts/marketplace.ts "$@"
