#!/usr/bin/env bash
# Mutation testing of the judging code, one named group of files at a time, each with the tests
# that reach it, under `nice` and one test process (see docs/mutation.md). Each group keeps its own
# incremental file, so a rerun tests only the mutants whose code or tests changed:
#   scripts/mutation.sh engine-render time-calendar      # named groups
#   scripts/mutation.sh all                              # every group in turn (hours on two cores)
# Results: reports/mutation/<group>.json; `npx tsx scripts/mutation-score.ts` prints the table.
set -euo pipefail
cd "$(dirname "$0")/.."

# The engine's unit tests and fixture harnesses, less the five that take over four seconds each
# (properties, evaluator-equivalence, explanation-lint, measured, as-of-invariants: generated
# histories over every rule): a surviving mutant reruns every test that reaches it.
ENGINE_TESTS=$(printf 'test/engine/%s.test.ts,' render templates-responses module-state pauses-stop-clocks \
  misuse templates privacy measured-detail custom-ruleset json-copy evaluate filter case-index \
  check-sentences memo)test/fixtures/cases.test.ts,test/fixtures/indicators.test.ts
TIME_TESTS='test/time/**/*.test.ts'

# group: files to mutate (comma-separated globs) | tests (comma-separated globs)
group() {
  case "$1" in
    engine-render) echo "src/engine/render.ts|$ENGINE_TESTS" ;;
    *) echo "unknown group $1" >&2; return 2 ;;
  esac
}
ALL=(engine-render)

[ "$#" -gt 0 ] || { echo "usage: $0 GROUP... | all (groups: ${ALL[*]})" >&2; exit 2; }
[ "$1" = all ] && set -- "${ALL[@]}"
for name in "$@"; do
  spec=$(group "$name")
  printf '\n== %s: %s\n' "$name" "${spec%%|*}"
  MUTATION_NAME="$name" MUTATION_TESTS="${spec#*|}" nice -n 19 npx stryker run --mutate "${spec%%|*}"
done
