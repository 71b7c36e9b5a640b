#!/usr/bin/env bash
# Runs shellcheck (all checks, style included) over every shell script of the repository: files ending in
# .sh and files whose first line names sh or bash (scripts/backtest, .ci/run, backend/mvnw, ...), outside
# dependencies and build output. Installs Debian's shellcheck when it is missing.
#   scripts/lint-shell.sh            every script
#   scripts/lint-shell.sh FILE...    these only
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

if ! command -v shellcheck >/dev/null; then
  echo "lint-shell: installing Debian's shellcheck" >&2
  sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo -n)
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq shellcheck >/dev/null
fi

is_shell_script() {
  case "$1" in
    *.sh) return 0 ;;
  esac
  local first=""
  IFS= read -r first <"$1" 2>/dev/null || [ -n "$first" ] || return 1
  case "$first" in
    '#!'*/sh | '#!'*/bash | '#!'*/dash | '#!'*'env sh' | '#!'*'env bash' | '#!'*/sh\ * | '#!'*/bash\ *) return 0 ;;
  esac
  return 1
}

files=()
if [ $# -gt 0 ]; then
  files=("$@")
else
  while IFS= read -r -d '' file; do
    if is_shell_script "$file"; then
      files+=("${file#./}")
    fi
  done < <(find . \( -name .git -o -name node_modules -o -name target -o -name .next -o -name out \
    -o -path ./var \) -prune -o -type f -print0 | sort -z)
fi

passed=0
failed=0
for file in "${files[@]}"; do
  if shellcheck --external-sources "$file"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "lint-shell: $file has findings (above)" >&2
  fi
done
echo "shellcheck ($(shellcheck --version | sed -n 's/^version: //p')) over ${#files[@]} scripts:"
printf '  %s\n' "${files[@]}"
echo "shellcheck: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
