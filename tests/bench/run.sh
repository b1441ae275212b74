#!/usr/bin/env bash
# Atlas vs Hugo: full builds of the same synthetic site at 1k, 10k (and 50k) entities, side by side.
#
#   tests/bench/run.sh                 # 1k and 10k (5 runs each) + the shipped atlas
#   tests/bench/run.sh --with-50k      # also 50k (3 runs; one atlas + one hugo 50k run took 8.3 min on a quiet 2-core machine)
#   tests/bench/run.sh --sizes "1000 10000 50000" --runs "5 5 3"
#
# What it installs (Debian, as root, only if missing): `hugo` (Debian's package, 0.111.x in bookworm) and `time`
# (GNU time, for /usr/bin/time -f "%e %M"). It needs the .NET 10 SDK. Everything else comes from the repository:
# it publishes src/Atlas.Cli (Release, self-contained, composite ReadyToRun) and tests/Atlas.Scale into a temporary
# folder and runs what it published.
#
# What it does: generates the atlas site and its Hugo equivalent at each size with tests/Atlas.Scale, puts sources
# and outputs on tmpfs (/dev/shm), then runs `Atlas.Cli build` and `hugo --quiet` alternately (the
# order swaps every run), each into an empty output folder, measuring process start to exit with GNU time: wall
# seconds, peak RSS, user and system CPU. It also times the shipped atlas (this repository as is). Raw results go to
# /tmp/atlas-bench-<date>.csv (one line per run, with the 1-minute load average before the run, since another
# process on the machine skews wall times); the table of medians (wall, CPU = user + system, peak RSS, ratios) is
# printed and saved next to it (.txt). `--table FILE.csv` only prints the table of an existing CSV.
set -euo pipefail

sizes="1000 10000"
runs="5 5"
shipped_runs=5
keep=false
table_only=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --with-50k) sizes="1000 10000 50000"; runs="5 5 3"; shift ;;
    --sizes) sizes="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --shipped-runs) shipped_runs="$2"; shift 2 ;;
    --keep) keep=true; shift ;;   # keep the generated sites and outputs in /dev/shm/atlas-bench
    --table) table_only="$2"; shift 2 ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done

# print_table CSV: medians per size and tool, and the atlas/hugo ratios.
print_table() {
  awk -F, '
    NR == 1 { next }
    { key = $1 SUBSEP $2; n[key]++; wall[key, n[key]] = $4; peak[key, n[key]] = $5; cpu[key, n[key]] = $6 + $7; pages[key] = $8
      if (!(($1) in seen)) { seen[$1] = 1; order[++sizes] = $1 } }
    function median(a, key, count,   i, j, t, v) {
      for (i = 1; i <= count; i++) v[i] = a[key, i] + 0
      for (i = 2; i <= count; i++) { t = v[i]; for (j = i - 1; j >= 1 && v[j] > t; j--) v[j + 1] = v[j]; v[j + 1] = t }
      return count % 2 ? v[(count + 1) / 2] : (v[count / 2] + v[count / 2 + 1]) / 2 }
    END {
      printf "%-8s %-6s %5s %13s %12s %8s %8s %9s %15s %14s %15s\n", "size", "tool", "runs", "median wall s", "median cpu s", "pages", "pages/s", "peak MiB", "wall atlas/hugo", "cpu atlas/hugo", "peak atlas/hugo"
      for (s = 1; s <= sizes; s++) {
        size = order[s]
        for (t = 1; t <= 2; t++) {
          tool = t == 1 ? "atlas" : "hugo"; key = size SUBSEP tool
          if (!(key in n)) continue
          w = median(wall, key, n[key]); c = median(cpu, key, n[key]); p = median(peak, key, n[key]) / 1024
          ratio = ""; pratio = ""; cratio = ""
          other = size SUBSEP "hugo"
          if (tool == "atlas" && (other in n)) {
            ratio = sprintf("%.2f", w / median(wall, other, n[other])); pratio = sprintf("%.2f", p * 1024 / median(peak, other, n[other]))
            cratio = sprintf("%.2f", c / median(cpu, other, n[other])) }
          printf "%-8s %-6s %5d %13.2f %12.2f %8d %8.0f %9.0f %15s %14s %15s\n", size, tool, n[key], w, c, pages[key], pages[key] / w, p, ratio, cratio, pratio
        }
      }
    }' "$1"
}
if [[ -n $table_only ]]; then
  print_table "$table_only"
  exit 0
fi
read -r -a size_list <<<"$sizes"
read -r -a run_list <<<"$runs"
if [[ ${#run_list[@]} -ne ${#size_list[@]} ]]; then
  echo "run.sh: --runs needs one count per size (${#size_list[@]})" >&2
  exit 2
fi

repo="$(cd "$(dirname "$0")/../.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# --- tools -----------------------------------------------------------------------------------------------------
missing=()
command -v hugo >/dev/null 2>&1 || missing+=(hugo)
[[ -x /usr/bin/time ]] || missing+=(time)
if [[ ${#missing[@]} -gt 0 ]]; then
  echo "== installing ${missing[*]} (apt-get)"
  apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
fi
command -v dotnet >/dev/null 2>&1 || { echo "run.sh: the .NET 10 SDK (dotnet) is required" >&2; exit 1; }

shm=/dev/shm/atlas-bench
[[ -d /dev/shm ]] || shm=/tmp/atlas-bench   # no tmpfs: still works, on disk
rm -rf "$shm"
mkdir -p "$shm"
tools="$(mktemp -d /tmp/atlas-bench-tools.XXXXXX)"
trap '[[ $keep == true ]] || rm -rf "$shm"; rm -rf "$tools"' EXIT

echo "== publishing Atlas.Cli and Atlas.Scale (Release) into $tools"
# Self-contained, the framework and the atlas precompiled together (composite ReadyToRun): generic code over the
# atlas's own types is compiled ahead of time too, which cuts the start-up of a small build by about a fifth (README, Performance).
# The SDK reuses ReadyToRun images from an earlier publish even when that one was not composite (and the result then
# aborts at start): start the precompilation from nothing.
rm -rf "$repo/src/Atlas.Cli/obj/Release/net10.0/linux-x64/R2R"
dotnet publish "$repo/src/Atlas.Cli" -c Release -r linux-x64 --self-contained true -p:PublishReadyToRun=true \
  -p:PublishReadyToRunComposite=true -o "$tools/atlas" --nologo -v quiet >/dev/null
dotnet publish "$repo/tests/Atlas.Scale" -c Release -o "$tools/scale" --nologo -v quiet >/dev/null
atlas_exe="$tools/atlas/Atlas.Cli"
scale_dll="$tools/scale/Atlas.Scale.dll"

stamp="$(date +%Y%m%d-%H%M%S)"
csv="/tmp/atlas-bench-$stamp.csv"
echo "size,tool,run,wall_s,peak_kib,user_s,sys_s,html_pages,files,load1" >"$csv"
echo "== machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); $(dotnet --version) SDK; $(hugo version | cut -d' ' -f1-2)"
echo "== raw results: $csv"

# measure SIZE TOOL RUN OUT cmd...: runs cmd under GNU time into an empty OUT and appends a CSV line.
measure() {
  local size="$1" tool="$2" run="$3" out="$4"; shift 4
  rm -rf "$out"
  sync
  local load; load="$(cut -d' ' -f1 /proc/loadavg)"
  local timing="$shm/time.txt"
  if ! /usr/bin/time -f "%e %M %U %S" -o "$timing" "$@" >"$shm/last.log" 2>&1; then
    echo "run.sh: $tool failed at size $size:" >&2
    tail -20 "$shm/last.log" >&2
    exit 1
  fi
  local wall peak user sys
  read -r wall peak user sys < <(tail -1 "$timing")
  local pages files
  pages="$(find "$out" -name '*.html' | wc -l)"
  files="$(find "$out" -type f | wc -l)"
  echo "$size,$tool,$run,$wall,$peak,$user,$sys,$pages,$files,$load" >>"$csv"
  printf '   %-7s %-6s run %d: %7.2f s  %6d MiB  %7d pages  (load %s)\n' "$size" "$tool" "$run" "$wall" "$((peak / 1024))" "$pages" "$load"
}

for i in "${!size_list[@]}"; do
  size="${size_list[$i]}"
  count="${run_list[$i]}"
  echo "== size $size: generating"
  dotnet "$scale_dll" --site "$repo" --entities "$size" --out "$shm/site-$size" --hugo "$shm/hugo-$size" | sed 's/^/   /'
  for ((run = 1; run <= count; run++)); do
    atlas=(measure "$size" atlas "$run" "$shm/out-atlas-$size" "$atlas_exe" build --site "$shm/site-$size" --output "$shm/out-atlas-$size")
    hugo=(measure "$size" hugo "$run" "$shm/out-hugo-$size" hugo --quiet --source "$shm/hugo-$size" --destination "$shm/out-hugo-$size")
    if ((run % 2 == 1)); then "${atlas[@]}"; "${hugo[@]}"; else "${hugo[@]}"; "${atlas[@]}"; fi
  done
  rm -rf "$shm/site-$size" "$shm/hugo-$size" "$shm/out-atlas-$size" "$shm/out-hugo-$size"
done

echo "== the shipped atlas ($repo as is)"
for ((run = 1; run <= shipped_runs; run++)); do
  measure shipped atlas "$run" "$shm/out-shipped" "$atlas_exe" build --site "$repo" --output "$shm/out-shipped"
done

# --- table of medians ------------------------------------------------------------------------------------------
table="/tmp/atlas-bench-$stamp.txt"
print_table "$csv" | tee "$table"
echo "== raw results: $csv; table: $table"
