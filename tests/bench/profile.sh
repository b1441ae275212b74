#!/usr/bin/env bash
# Where the time of a full atlas build goes, on a generated site (default 10,000 entities), two ways:
#  1. tests/Atlas.Benchmarks `stages`: the build's stages called one by one in one process (Stopwatch, allocated
#     bytes, gen-2 GCs), cold run then warm run;
#  2. `perf` sampling of the published CLI (process start to exit) with the runtime's perf map, so JIT-compiled
#     .NET methods have names: top methods by self time and by inclusive time.
#
#   tests/bench/profile.sh [--entities N] [--runs R] [--perf-only]
# (the perf data is kept as /tmp/atlas-profile-<N>.perf.data for perf report)
#
# Installs with apt-get if missing: linux-perf (perf). Needs the .NET 10 SDK and root (or perf_event_paranoid <= 1).
# Writes /tmp/atlas-profile-<N>-{stages,dso,self,inclusive}.txt.
set -euo pipefail
entities=10000
runs=2
stages=true
while [[ $# -gt 0 ]]; do
  case "$1" in
    --entities) entities="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --perf-only) stages=false; shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "profile.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done

repo="$(cd "$(dirname "$0")/../.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
command -v perf >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq linux-perf >/dev/null; }

root=/dev/shm/atlas-benchmarks
[[ -d /dev/shm ]] || root=/tmp/atlas-benchmarks
export ATLAS_BENCH_SITES="$root" ATLAS_REPO="$repo"
tools="$(mktemp -d /tmp/atlas-profile-tools.XXXXXX)"
trap 'rm -rf "$tools" "$root/out-profile"' EXIT

if [[ $stages == true ]]; then
  echo "== stage timings (tests/Atlas.Benchmarks stages --site $entities --runs $runs)"
  dotnet run -c Release --project "$repo/tests/Atlas.Benchmarks" -- stages --site "$entities" --runs "$runs" \
    | tee "/tmp/atlas-profile-$entities-stages.txt"
else
  # Only make sure the site exists (the stage timer generates it).
  dotnet run -c Release --project "$repo/tests/Atlas.Benchmarks" -- stages --site "$entities" --runs 0 >/dev/null
fi

echo "== perf record of the published CLI building $root/site-$entities"
dotnet publish "$repo/src/Atlas.Cli" -c Release -o "$tools/atlas" --nologo -v quiet >/dev/null
rm -rf "$root/out-profile"
ls /tmp/perf-*.map /tmp/perfinfo-*.map 2>/dev/null | sort >"$tools/maps-before" || true
# PerfMapEnabled names JIT-compiled methods; W^X off keeps JIT code in anonymous memory, where perf looks them up.
DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 perf record -F 999 -g -o "$tools/perf.data" -- \
  dotnet "$tools/atlas/Atlas.Cli.dll" build --site "$root/site-$entities" --output "$root/out-profile" 2>&1 | tail -3
cp "$tools/perf.data" "/tmp/atlas-profile-$entities.perf.data"
# Shorten .NET names: "instance bool [Scriban.Signed] Scriban.TemplateContext::TryGetValue(...)[OptimizedTier1]" -> "Scriban.TemplateContext::TryGetValue".
shorten() { sed -E 's/\[(OptimizedTier1|Optimized|QuickJitted|InstrumentedTier[A-Za-z]*|PreJIT|OptimizedTier1OSR|Tier0|Tier1)\]//g; s/(instance |static )?[^ ]+ \[[A-Za-z0-9_.]+\] //; s/\(.*\)//' | sed -E 's/ +$//'; }
perf report -i "$tools/perf.data" --no-children --sort dso --stdio -g none 2>/dev/null | grep -v '^#' | grep -v '^$' \
  | head -12 >"/tmp/atlas-profile-$entities-dso.txt"
perf report -i "$tools/perf.data" --no-children --sort symbol --stdio --percent-limit 0.4 -g none 2>/dev/null \
  | grep -v '^#' | grep -v '^$' | shorten >"/tmp/atlas-profile-$entities-self.txt"
perf report -i "$tools/perf.data" --children --sort symbol --stdio --percent-limit 2 -g none 2>/dev/null \
  | grep -v '^#' | grep -v '^$' | grep -v ' 0x0000' | shorten >"/tmp/atlas-profile-$entities-inclusive.txt"
echo "-- samples by binary (/tmp/atlas-profile-$entities-dso.txt; libcoreclr.so is the runtime, mostly GC; [JIT] is managed code)"
cat "/tmp/atlas-profile-$entities-dso.txt"
echo "-- top methods by self time (/tmp/atlas-profile-$entities-self.txt)"
head -45 "/tmp/atlas-profile-$entities-self.txt"
echo "-- top methods by inclusive time (/tmp/atlas-profile-$entities-inclusive.txt)"
head -80 "/tmp/atlas-profile-$entities-inclusive.txt"
# Remove only the perf maps this run's process wrote.
ls /tmp/perf-*.map /tmp/perfinfo-*.map 2>/dev/null | sort | comm -13 "$tools/maps-before" - | xargs -r rm -f
