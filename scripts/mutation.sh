#!/usr/bin/env bash
# Mutation testing of the judging code, one named group of files at a time, each with the tests
# that reach it, under `nice` and one test process (see docs/mutation.md). Each group keeps its own
# incremental file, so a rerun tests only the mutants whose code or tests changed:
#   scripts/mutation.sh engine-render time-calendar      # named groups
#   scripts/mutation.sh all                              # every group in turn (many hours on two cores)
#   scripts/mutation.sh src/engine/filter.ts:20-60      # one file, or some of its lines
#   scripts/mutation.sh sample-engine sample-time        # a seeded sample of lines of every file
#                                                        # (MUTATION_SHARE, default 0.05; MUTATION_SEED)
# Results: reports/mutation/<group>.json; `npx tsx scripts/mutation-score.ts` prints the table.
set -euo pipefail
cd "$(dirname "$0")/.."

# The engine's unit tests and fixture harnesses, less the five that take over four seconds each
# (properties, evaluator-equivalence, explanation-lint, measured, as-of-invariants: generated
# histories over every rule): a surviving mutant reruns every test that reaches it. Every other
# file under test/engine is in, so a new test file counts without being listed here.
SLOW_ENGINE_TESTS='/(properties|evaluator-equivalence|explanation-lint|measured|as-of-invariants)\.test\.ts$'
ENGINE_TESTS=$(ls test/engine/*.test.ts | grep -Ev "$SLOW_ENGINE_TESTS" | paste -sd, -),test/fixtures/cases.test.ts,test/fixtures/indicators.test.ts
# A sample is small enough for three of the slow files too (all but properties and explanation-lint):
# every compiled condition against json-rules-engine, the measured values, asOf invariants.
SAMPLE_ENGINE_TESTS=$ENGINE_TESTS,$(printf 'test/engine/%s.test.ts,' evaluator-equivalence measured)test/engine/as-of-invariants.test.ts
TIME_TESTS='test/time/**/*.test.ts'
CALENDAR_TESTS=$(printf 'test/time/%s.test.ts,' calendar calendar-range calendar.property zone-clock days iso-date pause-intervals holidays)test/time/instant.test.ts
INSTANT_TESTS=$(printf 'test/time/%s.test.ts,' instant calendar days iso-date)test/time/pause-intervals.test.ts

# The files NAME... of src/DIR, comma-separated, as --mutate takes them.
files_in() { local dir=$1; shift; printf "src/$dir/%s.ts\n" "$@" | paste -sd, -; }

# Stryker's --mutate ranges of a seeded sample of the lines of FILE...
_sample() { npx tsx scripts/mutation-sample.ts --share "${MUTATION_SHARE:-0.05}" --seed "${MUTATION_SEED:-1}" "$@"; }

# group: files to mutate (comma-separated globs) | tests (comma-separated globs)
group() {
  case "$1" in
    engine-render) echo "$(files_in engine render)|$ENGINE_TESTS" ;;
    engine-rule) echo "$(files_in engine compiled-rule evaluate-rule conditions)|$ENGINE_TESTS" ;;
    # The test written to kill the conditions' mutants, too slow to run inside engine-rule.
    conditions-equivalence) echo "src/engine/conditions.ts|test/engine/evaluator-equivalence.test.ts" ;;
    engine-case) echo "$(files_in engine case-index stage-timeline fact-context)|$ENGINE_TESTS" ;;
    engine-input) echo "$(files_in engine normalize filter)|$ENGINE_TESTS" ;;
    engine-prepare) echo "$(files_in engine prepare parameter-problem evaluate-case calendar-config)|$ENGINE_TESTS" ;;
    engine-measured) echo "$(files_in engine measured-detail)|$ENGINE_TESTS" ;;
    engine-clock) echo "$(files_in engine/templates stage-clock responses)|$ENGINE_TESTS" ;;
    engine-templates) echo "$(files_in engine/templates occurrences coverage keys-covered index stage-deciders conformance precedence notices longest-gap readability timeliness stage-response stage-confirmation)|$ENGINE_TESTS" ;;
    engine-case-run) echo "$(files_in engine evaluate-cases ruleset summarize rule-issues usage)|$ENGINE_TESTS" ;;
    engine-small) echo "$(files_in engine json-copy memo check-sentences evaluator json-rules-engine-evaluator case-event period-anchor status freeze)|$ENGINE_TESTS" ;;
    time-calendar) echo "$(files_in time calendar calendar-types zone-clock)|$CALENDAR_TESTS" ;;
    time-holidays) echo "$(files_in time holidays holiday-corrections table)|$TIME_TESTS" ;;
    time-instant) echo "$(files_in time instant)|$INSTANT_TESTS" ;;
    time-days) echo "$(files_in time days paused format)|$INSTANT_TESTS" ;;
    # A random sample of the lines of every file, with the files' groups' tests (the engine's with
    # three of its slow files): the whole score estimated in a fraction of the time
    # (scripts/mutation-sample.ts).
    sample-engine) echo "$(_sample src/engine/*.ts src/engine/templates/*.ts)|$SAMPLE_ENGINE_TESTS" ;;
    sample-time) echo "$(_sample $(ls src/time/*.ts | grep -v holidays-table))|$TIME_TESTS" ;;
    # One file, or some of its lines (src/engine/normalize.ts:40-90), with its directory's tests.
    src/engine/*) echo "$1|$ENGINE_TESTS" ;;
    src/time/*) echo "$1|$TIME_TESTS" ;;
    *) echo "unknown group $1" >&2; return 2 ;;
  esac
}
ALL=(engine-render engine-rule conditions-equivalence engine-case engine-input engine-prepare engine-measured engine-clock engine-templates
  engine-case-run engine-small time-calendar time-holidays time-instant time-days)

[ "$#" -gt 0 ] || { echo "usage: $0 GROUP... | all (groups: ${ALL[*]})" >&2; exit 2; }
[ "$1" = all ] && set -- "${ALL[@]}"
for name in "$@"; do
  spec=$(group "$name")
  # A sample's report is named by its seed, so that samples drawn apart stay apart.
  report=$name
  case "$name" in
    sample-*) report="$name-s${MUTATION_SEED:-1}" ;;
    # Some lines of a file: named apart, since they are not the file's score.
    src/*:*) report=lines-$(echo "$name" | tr '/:' '--') ;;
    src/*) report=$(echo "$name" | tr '/' '-') ;;
  esac
  printf '\n== %s: %s\n' "$report" "${spec%%|*}"
  # MUTATION_CONCURRENCY: test processes at once (1 unless the machine has cores to spare).
  MUTATION_NAME="$report" MUTATION_TESTS="${spec#*|}" nice -n 19 npx stryker run --mutate "${spec%%|*}" \
    --concurrency "${MUTATION_CONCURRENCY:-1}"
done
