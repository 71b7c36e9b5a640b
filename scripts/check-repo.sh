#!/usr/bin/env bash
# Checks what no compiler or test sees in the tracked files of the repository:
#   - leftover merge-conflict markers (a hand-resolved merge that missed a hunk);
#   - references to documents outside the repository (the repository owns its documentation: a clone
#     elsewhere has no ../shared folder).
# Shipped Flyway migrations are left out: they are never edited, whatever they say.
set -euo pipefail

cd "$(dirname "$0")/.."

status=0
exclude=(':!backend/app/src/main/resources/db/migration/*.sql' ':!scripts/check-repo.sh')

if markers=$(git grep -n -E '^(<{7} |={7}$|>{7} )' -- . "${exclude[@]}"); then
  echo "check-repo: merge-conflict markers:" >&2
  echo "$markers" >&2
  status=1
fi

if outside=$(git grep -n -E '\.\./shared/|(^|[^/A-Za-z_])STYLE\.md' -- . "${exclude[@]}"); then
  echo "check-repo: references to documents outside the repository:" >&2
  echo "$outside" >&2
  status=1
fi

if [ "$status" -eq 0 ]; then
  echo "check-repo: no conflict markers, no references outside the repository"
fi
exit "$status"
