#!/usr/bin/env bash
# The main job on the seed articles: set up, ingest seeds/, answer who
# discussed what with whom, and write the interactive view to out/seed.html.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export KG_STORE=${KG_STORE:-$PWD/.kg/store}
.venv/bin/kg ingest seeds/
.venv/bin/kg ask who-discussed
mkdir -p out
.venv/bin/kg render --out out/seed.html
echo "Interactive view written to out/seed.html (store: $KG_STORE)"
