#!/usr/bin/env bash
# The platform's own specification (docs/spec/) traced by `fusa trace` against the tags in its own code and tests
# (issue 15). fusa trace reads items and tags from one tree, and this repository's trace-linker tests hold tags as
# test data (in strings, text blocks and Javadoc); so this script first makes the self-trace view that SelfTraceTest
# (trace-linker) traces: the Markdown files under docs/spec/, and of every Java file under a module's src/ only its
# line comments outside text blocks, every other line blank so that line numbers stay. Then it runs
#   fusa trace --repo VIEW [ARGS...]
# on that folder (exit 0: nothing uncovered or a defect; 1: something is). The view is the working tree, not HEAD.
#
#   scripts/self-trace.sh [--json]
#   FUSA="java -jar web-app/target/fusa.jar" scripts/self-trace.sh     (a built jar instead of ./fusa)
#   SELF_TRACE_VIEW=DIR scripts/self-trace.sh                         (keep the view in DIR, a new or empty folder)
set -euo pipefail
cd "$(dirname "$0")/.."
FUSA=${FUSA:-./fusa}
if [ -n "${SELF_TRACE_VIEW:-}" ]; then
  # keep the view (for example for OpenFastTrace's own command line); a new or empty folder only
  view=$SELF_TRACE_VIEW
  mkdir -p "$view"
  if [ -n "$(ls -A "$view")" ]; then
    echo "fusa: SELF_TRACE_VIEW=$view is not empty" >&2
    exit 2
  fi
  view=$(cd "$view" && pwd)
else
  view=$(mktemp -d "${TMPDIR:-/tmp}/fusa-self-trace.XXXXXX")
  trap 'rm -rf "$view"' EXIT
fi

find docs/spec -name '*.md' -type f | while IFS= read -r f; do
  mkdir -p "$view/$(dirname "$f")"
  cp "$f" "$view/$f"
done
find . \( -name .git -o -name target -o -name node_modules -o -name data -o -name hypervisor-sources-submodule \
    -o -name reference-data \) -prune -o -path './*/src/*' -name '*.java' -type f -print | sed 's|^\./||' > "$view/.files"
sed 's|/[^/]*$||' "$view/.files" | sort -u | (cd "$view" && xargs mkdir -p)
# the rule of SelfTraceTest.lineCommentsOnly: a line comment outside a text block is kept, any other line blanked
xargs awk -v view="$view" '
  FNR == 1 { if (out != "") close(out); out = view "/" FILENAME; tb = 0 }
  {
    t = $0; sub(/^[ \t]+/, "", t)
    comment = (!tb && substr(t, 1, 2) == "//")
    if (!comment) { n = gsub(/"""/, "&"); if (n % 2 == 1) tb = !tb }
    print (comment ? $0 : "") > out
  }' < "$view/.files"
rm "$view/.files"
echo "fusa: self-trace view of $(pwd) in $view" >&2
# shellcheck disable=SC2086
$FUSA trace --repo "$view" "$@"
