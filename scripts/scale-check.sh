#!/usr/bin/env bash
# The sharded recipe of docs/scale.md on a real engine: GNU parallel judges 8 shards of a
# generated log of CASES cases (default 20000), summarize merges them, once in one level and once
# in two, and each merge must say what one process over the whole log says (summary, run facts,
# case lines as a set). Prints the wall time of the whole run and of the sharded one.
#
#   scripts/scale-check.sh [CASES]      (after npm run build; needs GNU parallel)
set -euo pipefail
cd "$(dirname "$0")/.."
CASES="${1:-20000}"
AS_OF=2026-06-30T17:00:00+01:00
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# The command as installed: the built one, by its name.
mkdir "$work/bin"
ln -s "$PWD/dist/cli.js" "$work/bin/service-standards"
export PATH="$work/bin:$PATH"
seconds() { date +%s.%N; }

npx tsx scripts/generate-log.ts --cases "$CASES" --seed 22 --out "$work/log.ndjson"

t0=$(seconds)
service-standards check "$work/log.ndjson" --format ndjson --as-of "$AS_OF" --fail-on none --quiet >"$work/whole.ndjson"
t1=$(seconds)

# The recipe: shard by case id, judge each shard with GNU parallel, merge.
service-standards shard "$work/log.ndjson" --shards 8 --out "$work/shards" >"$work/shards.txt"
parallel --halt now,fail=1 \
  "service-standards check {} --format ndjson --as-of $AS_OF --fail-on none --quiet > {.}.out.ndjson" \
  :::: "$work/shards.txt"
service-standards summarize "$work"/shards/*.out.ndjson --format ndjson --fail-on none >"$work/merged.ndjson"
t2=$(seconds)

# The same outputs merged in two levels: two halves, then the halves.
outs=("$work"/shards/*.out.ndjson)
service-standards summarize "${outs[@]:0:4}" --format ndjson --fail-on none >"$work/half-1.ndjson"
service-standards summarize "${outs[@]:4}" --format ndjson --fail-on none >"$work/half-2.ndjson"
service-standards summarize "$work/half-1.ndjson" "$work/half-2.ndjson" --format ndjson --fail-on none >"$work/merged-2.ndjson"

npx tsx scripts/same-report.ts "$work/whole.ndjson" "$work/merged.ndjson"
npx tsx scripts/same-report.ts "$work/whole.ndjson" "$work/merged-2.ndjson"
awk -v a="$t0" -v b="$t1" -v c="$t2" -v j="$(parallel --number-of-cores)" 'BEGIN {
  printf "one process: %.1f s; shard, 8 shards on GNU parallel (%d at once) and summarize: %.1f s\n", b - a, j, c - b }'
