#!/usr/bin/env bash
# Validates every HTML page of a built atlas with html-validate (html-validate:recommended, with the few changes in
# .htmlvalidate.json that the README explains). Usage: tests/browser/validate.sh PUBLIC_DIR
# Needs `npm ci` in tests/browser first. Exits non-zero if any page has an error.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if [ $# -ne 1 ] || [ ! -d "$1" ]; then
  echo "usage: $0 PUBLIC_DIR   (a folder built by: dotnet run --project src/Atlas.Cli -- build)" >&2
  exit 2
fi
site="$(cd "$1" && pwd)"
validator="$here/node_modules/.bin/html-validate"
if [ ! -x "$validator" ]; then
  echo "validate: $validator is missing; run: (cd tests/browser && npm ci)" >&2
  exit 2
fi

pages=$(find "$site" -name '*.html' -not -path '*/.*' | wc -l)
if [ "$pages" -eq 0 ]; then
  echo "validate: no HTML pages under $site" >&2
  exit 1
fi

echo "html-validate $("$validator" --version | sed 's/^html-validate-//'): $pages pages under $site"
# The config is named explicitly: html-validate otherwise looks for one beside each page, not here.
cd "$site"
"$validator" --config "$here/.htmlvalidate.json" --formatter stylish --max-warnings 0 --ext html .
echo "html-validate: $pages pages valid"
