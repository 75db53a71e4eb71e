#!/usr/bin/env bash
# The sharded recipe of docs/scale.md on a real engine: GNU parallel judges 8 shards of a
# generated log of CASES cases (default 20000), summarize merges them, once in one level and once
# in two, and each merge must say what one process over the whole log says (summary, run facts,
# case lines as a set). Prints the wall time of the whole run and of the sharded one.
# Then every format under a memory limit: one run writes the streamed formats (ndjson, json,
# junit, sarif, markdown, text) with the V8 heap capped at HEAP_MB and its peak RSS held under
# MAX_RSS_MB (a report kept whole in memory cannot fit: the JSON one alone is over 200 MB at
# 20,000 cases); the HTML report, which embeds cases (at most --html-max-cases), runs alone under
# HTML_MAX_RSS_MB, from check and from summarize over the shards' outputs.
#
#   scripts/scale-check.sh [CASES]      (after npm run build; needs GNU parallel and GNU time)
set -euo pipefail
cd "$(dirname "$0")/.."
CASES="${1:-20000}"
AS_OF=2026-06-30T17:00:00+01:00
HEAP_MB="${HEAP_MB:-160}"
MAX_RSS_MB="${MAX_RSS_MB:-300}"
# 20,000 cases peaked at 231-240 MB (check) and 210 MB (summarize) on 2026-12-06.
HTML_MAX_RSS_MB="${HTML_MAX_RSS_MB:-400}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# The command as installed: the built one, by its name.
mkdir "$work/bin" "$work/formats"
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
# Peak RSS of a command in MB (GNU time), its output to the file given first.
peak_rss_mb() {
  local out="$1"
  shift
  /usr/bin/time -f '%M' -o "$work/rss" "$@" >"$out"
  echo $(($(tail -1 "$work/rss") / 1024))
}
reports=()
for f in json junit sarif markdown text; do reports+=(--report "$f:$work/formats/report.$f"); done
rss=$(NODE_OPTIONS="--max-old-space-size=$HEAP_MB" peak_rss_mb "$work/formats/report.ndjson" \
  service-standards check "$work/log.ndjson" --format ndjson "${reports[@]}" --as-of "$AS_OF" --fail-on none --quiet)
for f in ndjson json junit sarif markdown text; do
  test -s "$work/formats/report.$f" || { echo "no $f report" >&2; exit 1; }
done
echo "every streamed format at once, heap capped at $HEAP_MB MB: peak RSS $rss MB (limit $MAX_RSS_MB MB)"
test "$rss" -le "$MAX_RSS_MB" || { echo "peak RSS $rss MB is over $MAX_RSS_MB MB" >&2; exit 1; }
rss=$(peak_rss_mb "$work/formats/report.html" \
  service-standards check "$work/log.ndjson" --format html --as-of "$AS_OF" --fail-on none --quiet)
echo "html: peak RSS $rss MB (limit $HTML_MAX_RSS_MB MB)"
test "$rss" -le "$HTML_MAX_RSS_MB" || { echo "html: peak RSS $rss MB is over $HTML_MAX_RSS_MB MB" >&2; exit 1; }
rss=$(peak_rss_mb "$work/formats/merged.html" \
  service-standards summarize "${outs[@]}" --format html --fail-on none)
grep -q '</html>' "$work/formats/merged.html" || { echo "summarize: no whole HTML report" >&2; exit 1; }
echo "summarize html: peak RSS $rss MB (limit $HTML_MAX_RSS_MB MB)"
test "$rss" -le "$HTML_MAX_RSS_MB" || { echo "summarize html: peak RSS $rss MB is over $HTML_MAX_RSS_MB MB" >&2; exit 1; }

awk -v a="$t0" -v b="$t1" -v c="$t2" -v j="$(parallel --number-of-cores)" 'BEGIN {
  printf "one process: %.1f s; shard, 8 shards on GNU parallel (%d at once) and summarize: %.1f s\n", b - a, j, c - b }'
