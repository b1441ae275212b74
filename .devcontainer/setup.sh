#!/usr/bin/env bash
# Set-up of the dev container (and of any Debian machine with the .NET 10 SDK): what the browser tests need — Debian's
# Chromium, the CJK fonts (without them Chinese renders as empty boxes) and Node.js for axe-core and html-validate —
# then the packages of the solution and of tests/browser. Idempotent: run it again at any time.
set -euo pipefail
cd "$(dirname "$0")/.."

sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
[ -n "$(fc-list :lang=zh family 2>/dev/null || true)" ] || missing+=(fonts-noto-cjk)
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get update
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
fi

dotnet restore Atlas.slnx
dotnet restore tests/Atlas.BrowserTests
(cd tests/browser && npm ci --no-audit --no-fund)
echo "setup: done. Build with: dotnet run --project src/Atlas.Cli -- build; preview with: dotnet run --project src/Atlas.Cli -- serve"
