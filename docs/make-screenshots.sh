#!/usr/bin/env bash
# Regenerates docs/images/*.png with nines-gui itself (headless, Qt's offscreen platform).
# Usage: docs/make-screenshots.sh [path/to/nines-gui [path/to/nines]]
#        (default: build/release/gui/nines-gui and build/release/cli/nines)
set -euo pipefail
cd "$(dirname "$0")/.."
gui="${1:-build/release/gui/nines-gui}"
nines="${2:-build/release/cli/nines}"
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
# Deploys: a year of samples/deploy-strategies.json's weekly all-at-once deploys (the run's
# replication with the most downtime), then its "rolling" strategy close up: the first deploy due
# at 15 min of a 90-minute history, replication 13, where it is bad (verdict after 20 min).
shot deploy-strategies.json timeline timeline-deploys-year.png
"$gui" samples/deploy-strategies.json --run --what-if horizon=90m \
  --what-if web.deploys.first_at=15m --what-if web.deploys.strategy=rolling \
  --view timeline --trace 13 --size 1400x860 \
  --screenshot docs/images/timeline-deploys.png && echo docs/images/timeline-deploys.png
# Requests: a week of samples/n-plus-one.json's diurnal load (the run's replication with the most
# downtime): a web server out at the peak, the other three overloaded into crash cycles.
"$gui" samples/n-plus-one.json --run --what-if horizon=7d --view requests --size 1400x860 \
  --screenshot docs/images/requests.png && echo docs/images/requests.png
# The heat map of samples/README.md's sweep: on-call crew size by API instances (the sweep's
# default seed and replications, so its figures are the README's table).
sweep_json="$(mktemp --suffix=.json)"
plan_json="$(mktemp --suffix=.json)"
trap 'rm -f "$sweep_json" "$plan_json"' EXIT
"$nines" sweep samples/web-shop-oncall.json --vary oncall.size=1..3 --vary api.instances=1..4 \
  --quiet --json "$sweep_json"
"$gui" --plot "$sweep_json" --out docs/images/sweep-heatmap.png --size 1400x860 \
  && echo docs/images/sweep-heatmap.png
# The chart of samples/README.md's plan: the cheapest web shop meeting 99.95% (exit 0: a winner).
"$nines" plan samples/web-shop.json --target 99.95% --vary frontend.instances=2..6 \
  --vary api.instances=1..4 --vary db.instances=1..3 --quiet --json "$plan_json"
"$gui" --plot "$plan_json" --out docs/images/plan-web-shop.png --size 1400x860 \
  && echo docs/images/plan-web-shop.png
# The same plan in the GUI's Plan tab (wider: the form, the front and the table side by side).
"$gui" samples/web-shop.json --view plan --run --target 99.95% --vary frontend.instances=2..6 \
  --vary api.instances=1..4 --vary db.instances=1..3 --size 1800x1000 \
  --screenshot docs/images/plan-tab.png && echo docs/images/plan-tab.png
