#!/usr/bin/env bash
# Regenerates docs/images/*.png with nines-gui itself (headless, Qt's offscreen platform).
# Usage: docs/make-screenshots.sh [path/to/nines-gui]   (default: build/release/gui/nines-gui)
set -euo pipefail
cd "$(dirname "$0")/.."
gui="${1:-build/release/gui/nines-gui}"
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
mkdir -p docs/images

shot() {  # model view file
  "$gui" "samples/$1" --run --view "$2" --size 1400x860 --screenshot "docs/images/$3"
  echo "docs/images/$3"
}
shot web-shop-two-zones.json graph graph.png
shot microservice-estate.json graph graph-estate.png
"$gui" samples/web-shop-two-zones.json --run --what-if db.instances=3 --view convergence \
  --size 1400x860 --screenshot docs/images/convergence.png && echo docs/images/convergence.png
shot microservice-estate.json histogram histogram.png
shot web-shop.json outages outages.png
shot microservice-estate.json pareto pareto.png
"$gui" samples/web-shop-two-zones.json --run --what-if db.instances=3 --view compare \
  --size 1960x860 --screenshot docs/images/compare.png && echo docs/images/compare.png
"$gui" samples/web-shop.json --run --view scenarios --size 1760x860 \
  --screenshot docs/images/scenarios.png && echo docs/images/scenarios.png
# No sample has zones yet: the Timeline shows the zoned test model's history with most downtime.
"$gui" tests/data/valid/zones.json --run --view timeline --size 1400x860 \
  --screenshot docs/images/timeline.png && echo docs/images/timeline.png
