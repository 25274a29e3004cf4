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
# Scenarios: one zone, two, three and a game day, with the common-cause and zone columns.
"$gui" samples/one-zone-vs-three-zones.json --run --view scenarios --size 2600x860 \
  --screenshot docs/images/scenarios.png && echo docs/images/scenarios.png
# Timeline: the game day of samples/web-shop-two-zones.json (its scenario "game day: zone-a down
# for 2 h on day 100", given as a what-if since nines-gui has no --scenario), replication 1, the
# one samples/README.md traces: zone-a's injection blocks the primary database until the switchover.
"$gui" samples/web-shop-two-zones.json --run \
  --what-if 'inject=[{"at": "100d", "zone": "zone-a", "for": "2h"}]' \
  --view timeline --trace 1 --size 1400x860 \
  --screenshot docs/images/timeline.png && echo docs/images/timeline.png
