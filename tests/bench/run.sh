#!/usr/bin/env bash
# Atlas vs Hugo: full builds of the same site, for each way users run the atlas, side by side with Hugo, on a frozen
# snapshot of the content.
#
#   tests/bench/run.sh                        # shipped and 1k: every path (3 runs); 10k: the binary (3 runs); + Hugo
#   tests/bench/run.sh --sizes "shipped 1000" --runs "1 1" --paths "binary ci"   # a quick look
#   tests/bench/run.sh --sizes "shipped 1000 10000:binary 50000:binary" --runs "3 3 3 1" --timings
#   tests/bench/run.sh --table /tmp/atlas-bench-DATE.csv [--markdown]            # only the table of an existing CSV
#
# Paths (--paths, default all; a size may name its own after a colon: 10000:binary or 10000:binary,ci):
#   run     `dotnet run --project src/Atlas.Cli -- build` (the README's command; Debug, warm: one untimed run first)
#   tool    `dotnet pack src/Atlas.Cli -c Release` + `dotnet tool install CcAtlas --tool-path … --add-source …`
#           (README "Install", .ci/run), then `atlas build`
#   binary  the release binary: .ci/run's and release.yml's publish (linux-x64, self-contained, single file, ReadyToRun)
#   ci      .github/workflows/publish.yml: the Release build of src/Atlas.Cli (compiled at run time), then
#           `dotnet …/Atlas.Cli.dll build --strict --base-url … --repository …`
#   r2r     self-contained composite ReadyToRun (what this script timed before 2026-12-07; no user runs it)
# Hugo (Debian's package) builds the equivalent site (tests/Atlas.Scale --hugo) in every run.
#
# Snapshot (--snapshot REV, default below): content/, templates/ and site.yml of that commit (`git archive`) are the
# shipped site and the seed of the synthetic ones (tests/Atlas.Scale), so figures stay comparable as content grows.
# Each site is a Git repository of one commit (the atlas reads Git dates, git_dates: true; `--strict` fails without
# them) and Hugo runs with --enableGitInfo, the same work.
#
# What it installs (Debian, as root, only if missing): `hugo` and `time` (GNU time). It needs the .NET 10 SDK.
# Sources and outputs live on tmpfs (/dev/shm/atlas-bench.XXXXXX); each run of each path writes into an empty folder; the
# order (Hugo, then the paths) is reversed every run. Measured from outside with GNU time: wall, peak RSS, user and
# system CPU, plus the 1-minute load average before each run. Raw results: /tmp/atlas-bench-<date>.csv (one line per
# run); the table of medians is printed and saved next to it (.txt). --timings: afterwards one `build --timings` per
# size with the binary (or the first path), saved as /tmp/atlas-bench-<date>-timings-<size>.txt. --tools DIR keeps
# what it compiles and publishes in DIR and reuses what is there (timing the same commit again; empty it after any
# change to src/).
set -euo pipefail

# The content the figures are measured on (main on 2026-12-07, 338 entities). Change it only with the README's table.
default_snapshot=48e9de8
snapshot=$default_snapshot
all_paths="run tool binary ci r2r"
paths=$all_paths
sizes="shipped 1000 10000:binary"
runs="3 3 3"
keep=false
tools_dir=""
timings=false
table_only=""
markdown=false
while [[ $# -gt 0 ]]; do
  case "$1" in
    --paths) paths="$2"; shift 2 ;;
    --snapshot) snapshot="$2"; shift 2 ;;
    --sizes) sizes="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --with-50k) sizes="$sizes 50000:binary"; runs="$runs 1"; shift ;;
    --timings) timings=true; shift ;;
    --tools) tools_dir="$2"; shift 2 ;;
    --keep) keep=true; shift ;;   # keep the sites and outputs in /dev/shm/atlas-bench.XXXXXX
    --table) table_only="$2"; shift 2 ;;
    --markdown) markdown=true; shift ;;
    -h|--help) sed -n '2,33p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done

# print_table CSV: per size, Hugo's line then each path's: medians of wall, CPU (user + system) and peak RSS, pages,
# pages/s, the load, and the ratios to Hugo of the same size. The header names the snapshot and the load range.
print_table() {
  awk -F, -v markdown="$markdown" '
    NR == 1 { next }
    { key = $1 SUBSEP $2; n[key]++; wall[key, n[key]] = $4; peak[key, n[key]] = $5; cpu[key, n[key]] = $6 + $7
      load[key, n[key]] = $10; pages[key] = $8
      if (!(($1) in seen)) { seen[$1] = 1; order[++sizes] = $1 }
      if (!(key in seenpath)) { seenpath[key] = 1; paths[$1, ++npaths[$1]] = $2 }
      snap = $11 == "" ? "(not recorded)" : $11
      if (lmin == "" || $10 + 0 < lmin) lmin = $10 + 0
      if (lmax == "" || $10 + 0 > lmax) lmax = $10 + 0 }
    function median(a, key, count,   i, j, t, v) {
      for (i = 1; i <= count; i++) v[i] = a[key, i] + 0
      for (i = 2; i <= count; i++) { t = v[i]; for (j = i - 1; j >= 1 && v[j] > t; j--) v[j + 1] = v[j]; v[j + 1] = t }
      return count % 2 ? v[(count + 1) / 2] : (v[count / 2] + v[count / 2 + 1]) / 2 }
    function low(a, key, count,   i, m) { m = a[key, 1] + 0; for (i = 2; i <= count; i++) if (a[key, i] + 0 < m) m = a[key, i] + 0; return m }
    function high(a, key, count,   i, m) { m = a[key, 1] + 0; for (i = 2; i <= count; i++) if (a[key, i] + 0 > m) m = a[key, i] + 0; return m }
    function row(size, path,   key, w, c, p, other, r1, r2, r3, range) {
      key = size SUBSEP path
      w = median(wall, key, n[key]); c = median(cpu, key, n[key]); p = median(peak, key, n[key]) / 1024
      range = n[key] > 1 ? sprintf("%.2f-%.2f", low(wall, key, n[key]), high(wall, key, n[key])) : ""
      r1 = r2 = r3 = ""; other = size SUBSEP "hugo"
      if (path != "hugo" && (other in n)) {
        r1 = sprintf("%.2f", w / median(wall, other, n[other])); r2 = sprintf("%.2f", c / median(cpu, other, n[other]))
        r3 = sprintf("%.2f", p * 1024 / median(peak, other, n[other])) }
      if (markdown == "true")
        printf "| %s | %s | %d | %.2f s (%s) | %.2f s | %.0f MiB | %d | %.0f | %.1f | %s | %s | %s |\n", size, path, n[key], w, range, c, p, pages[key], pages[key] / w, median(load, key, n[key]), r1, r2, r3
      else
        printf "%-8s %-7s %4d %9.2f %12s %8.2f %8.0f %8d %8.0f %6.1f %10s %9s %10s\n", size, path, n[key], w, range, c, p, pages[key], pages[key] / w, median(load, key, n[key]), r1, r2, r3 }
    END {
      printf "snapshot %s; 1-minute load average before the runs %.1f-%.1f; medians; CPU = user + system\n", snap, lmin, lmax
      if (markdown == "true") {
        print "| size | path | runs | wall (range) | CPU | peak RSS | HTML pages | pages/s | load | wall / Hugo | CPU / Hugo | peak / Hugo |"
        print "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
      } else
        printf "%-8s %-7s %4s %9s %12s %8s %8s %8s %8s %6s %10s %9s %10s\n", "size", "path", "runs", "wall s", "wall range", "cpu s", "peak MiB", "pages", "pages/s", "load", "wall/hugo", "cpu/hugo", "peak/hugo"
      for (s = 1; s <= sizes; s++) {
        size = order[s]
        if ((size SUBSEP "hugo") in n) row(size, "hugo")
        for (i = 1; i <= npaths[size]; i++) if (paths[size, i] != "hugo") row(size, paths[size, i])
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
# The paths to set up: those of --paths, and any a size names.
wanted=" $paths "
for entry in "${size_list[@]}"; do
  [[ $entry == *:* ]] && wanted+=" ${entry#*:} "
done
unique=" "
for path in ${wanted//,/ }; do
  [[ " $all_paths " == *" $path "* ]] || { echo "run.sh: unknown path '$path' (paths: $all_paths)" >&2; exit 2; }
  [[ $unique == *" $path "* ]] || unique+="$path "
done
wanted="$unique"
needs() { [[ $wanted == *" $1 "* ]]; }

repo="$(cd "$(dirname "$0")/../.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
snapshot_commit="$(git -C "$repo" rev-parse --short=7 "$snapshot^{commit}")" || {
  echo "run.sh: --snapshot $snapshot is not a commit of $repo" >&2; exit 2; }

# --- tools -----------------------------------------------------------------------------------------------------
missing=()
command -v hugo >/dev/null 2>&1 || missing+=(hugo)
[[ -x /usr/bin/time ]] || missing+=(time)
if [[ ${#missing[@]} -gt 0 ]]; then
  echo "== installing ${missing[*]} (apt-get)"
  apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
fi
command -v dotnet >/dev/null 2>&1 || { echo "run.sh: the .NET 10 SDK (dotnet) is required" >&2; exit 1; }

# A folder of this run's own (another run of this script may be going on): on tmpfs, or on disk where there is none.
shm_root=/dev/shm
[[ -d /dev/shm ]] || shm_root=/tmp
shm="$(mktemp -d "$shm_root/atlas-bench.XXXXXX")"
if [[ -n $tools_dir ]]; then
  mkdir -p "$tools_dir"
  tools="$(cd "$tools_dir" && pwd)"
  trap '[[ $keep == true ]] || rm -rf "$shm"' EXIT
else
  tools="$(mktemp -d /tmp/atlas-bench-tools.XXXXXX)"
  trap '[[ $keep == true ]] || rm -rf "$shm"; rm -rf "$tools"' EXIT
fi

# The SDK reuses ReadyToRun images of an earlier publish of another kind (composite or not; the result then aborts at
# start): every precompiling step starts from nothing.
fresh_r2r() { rm -rf "$repo/src/Atlas.Cli/obj/Release/net10.0/linux-x64/R2R"; }
cli="$repo/src/Atlas.Cli"
echo "== setting up:$wanted(into $tools)"
dotnet publish "$repo/tests/Atlas.Scale" -c Release -o "$tools/scale" --nologo -v quiet >/dev/null
scale_dll="$tools/scale/Atlas.Scale.dll"
if needs ci && [[ ! -f $tools/ci/Atlas.Cli.dll ]]; then
  # publish.yml compiles Atlas.slnx in Release and runs src/Atlas.Cli/bin/Release/net10.0/Atlas.Cli.dll: the same
  # project, compiled the same way, is all the build step runs. Copied, so that later steps cannot change it.
  dotnet build "$cli" -c Release --nologo -v quiet >/dev/null
  cp -r "$cli/bin/Release/net10.0" "$tools/ci"
fi
if needs tool && [[ ! -x $tools/tool/atlas ]]; then
  if [[ ! -d $tools/feed ]]; then
    fresh_r2r
    dotnet pack "$cli" -c Release -o "$tools/feed" --nologo -v quiet >/dev/null
  fi
  # A private package folder: the version does not change between commits (0.1.0), so the user-wide cache could hold
  # CcAtlas packed from another commit, and the install would take that one.
  NUGET_PACKAGES="$tools/nuget" dotnet tool install CcAtlas --tool-path "$tools/tool" --add-source "$tools/feed" >/dev/null
fi
if needs binary && [[ ! -x $tools/binary/Atlas.Cli ]]; then
  fresh_r2r
  # .ci/run's command (release.yml's, for linux-x64).
  dotnet publish "$cli" -c Release -r linux-x64 --self-contained true -p:PublishSingleFile=true \
    -p:IncludeNativeLibrariesForSelfExtract=true -p:PublishReadyToRun=true -p:RestoreLockedMode=false \
    -p:NuGetLockFilePath=obj/rid.packages.lock.json -o "$tools/binary" --nologo -v quiet >/dev/null
fi
if needs r2r && [[ ! -x $tools/r2r/Atlas.Cli ]]; then
  fresh_r2r
  dotnet publish "$cli" -c Release -r linux-x64 --self-contained true -p:PublishReadyToRun=true \
    -p:PublishReadyToRunComposite=true -p:RestoreLockedMode=false -p:NuGetLockFilePath=obj/rid.packages.lock.json \
    -o "$tools/r2r" --nologo -v quiet >/dev/null
fi
fresh_r2r

# command_of PATH SITE OUT: sets cmd to the command of PATH building SITE into OUT.
cmd=()
command_of() {
  local path="$1" site="$2" out="$3"
  case "$path" in
    run) cmd=(dotnet run --project "$cli" -- build --site "$site" --output "$out") ;;
    tool) cmd=("$tools/tool/atlas" build --site "$site" --output "$out") ;;
    binary) cmd=("$tools/binary/Atlas.Cli" build --site "$site" --output "$out") ;;
    ci) cmd=(dotnet "$tools/ci/Atlas.Cli.dll" build --strict --base-url https://example.org/atlas/ --repository bench/atlas
      --site "$site" --output "$out") ;;
    r2r) cmd=("$tools/r2r/Atlas.Cli" build --site "$site" --output "$out") ;;
  esac
}

stamp="$(date +%Y%m%d-%H%M%S)"
csv="/tmp/atlas-bench-$stamp.csv"
echo "size,path,run,wall_s,peak_kib,user_s,sys_s,html_pages,files,load1,snapshot" >"$csv"
echo "== machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); $(dotnet --version) SDK; $(hugo version | cut -d' ' -f1-2); snapshot $snapshot_commit"
echo "== raw results: $csv"

# measure SIZE PATH RUN OUT cmd...: runs cmd under GNU time into an empty OUT and appends a CSV line.
measure() {
  local size="$1" path="$2" run="$3" out="$4"; shift 4
  rm -rf "$out"
  sync
  local load; load="$(cut -d' ' -f1 /proc/loadavg)"
  local timing="$shm/time.txt"
  if ! /usr/bin/time -f "%e %M %U %S" -o "$timing" "$@" >"$shm/last.log" 2>&1; then
    echo "run.sh: $path failed at size $size: $*" >&2
    tail -20 "$shm/last.log" >&2
    exit 1
  fi
  local wall peak user sys
  read -r wall peak user sys < <(tail -1 "$timing")
  local pages files
  pages="$(find "$out" -name '*.html' | wc -l)"
  files="$(find "$out" -type f | wc -l)"
  echo "$size,$path,$run,$wall,$peak,$user,$sys,$pages,$files,$load,$snapshot_commit" >>"$csv"
  printf '   %-7s %-6s run %d: %7.2f s  cpu %6.2f s  %6d MiB  %7d pages  (load %s)\n' "$size" "$path" "$run" "$wall" \
    "$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')" "$((peak / 1024))" "$pages" "$load"
}

# commit_all DIR: DIR as a Git repository of one commit (fixed author and date: the same dates every time).
commit_all() {
  git -C "$1" init -q
  git -C "$1" add -A
  GIT_AUTHOR_DATE=2026-12-07T00:00:00Z GIT_COMMITTER_DATE=2026-12-07T00:00:00Z \
    git -C "$1" -c user.name=bench -c user.email=bench@example.org commit -q -m "snapshot $snapshot_commit"
}

seed="$shm/snapshot-$snapshot_commit"
mkdir -p "$seed"
git -C "$repo" archive "$snapshot_commit" content templates site.yml | tar -x -C "$seed"

for i in "${!size_list[@]}"; do
  size="${size_list[$i]%%:*}"
  count="${run_list[$i]}"
  size_paths="$paths"
  [[ ${size_list[$i]} == *:* ]] && size_paths="${size_list[$i]#*:}"
  read -r -a size_paths <<<"${size_paths//,/ }"
  site="$shm/site-$size"
  hugo_site="$shm/hugo-$size"
  echo "== size $size: generating from snapshot $snapshot_commit"
  if [[ $size == shipped ]]; then
    cp -r "$seed" "$site"
    dotnet "$scale_dll" --site "$seed" --entities real --hugo "$hugo_site" | sed 's/^/   /'
  else
    dotnet "$scale_dll" --site "$seed" --entities "$size" --out "$site" --hugo "$hugo_site" | sed 's/^/   /'
  fi
  commit_all "$site"
  commit_all "$hugo_site"
  if [[ " ${size_paths[*]} " == *" run "* ]]; then
    echo "   (dotnet run: one untimed run first, which compiles)"
    command_of run "$site" "$shm/out-warm"
    "${cmd[@]}" >/dev/null 2>&1
    rm -rf "$shm/out-warm"
  fi
  for ((run = 1; run <= count; run++)); do
    order=(hugo "${size_paths[@]}")
    if ((run % 2 == 0)); then
      reversed=()
      for ((k = ${#order[@]} - 1; k >= 0; k--)); do reversed+=("${order[$k]}"); done
      order=("${reversed[@]}")
    fi
    for path in "${order[@]}"; do
      out="$shm/out-$path-$size"
      if [[ $path == hugo ]]; then
        measure "$size" hugo "$run" "$out" hugo --quiet --enableGitInfo --source "$hugo_site" --destination "$out"
      else
        command_of "$path" "$site" "$out"
        measure "$size" "$path" "$run" "$out" "${cmd[@]}"
      fi
      rm -rf "$out"
    done
  done
  if [[ $timings == true ]]; then
    profiled="${size_paths[0]}"
    [[ " ${size_paths[*]} " == *" binary "* ]] && profiled=binary
    file="/tmp/atlas-bench-$stamp-timings-$size.txt"
    echo "== size $size: build --timings with $profiled -> $file"
    command_of "$profiled" "$site" "$shm/out-timings"
    { echo "# snapshot $snapshot_commit, size $size, $profiled, load $(cut -d' ' -f1 /proc/loadavg): ${cmd[*]} --timings"
      "${cmd[@]}" --timings 2>&1; } >"$file"
    rm -rf "$shm/out-timings"
  fi
  rm -rf "$site" "$hugo_site"
done

# --- table of medians ------------------------------------------------------------------------------------------
table="/tmp/atlas-bench-$stamp.txt"
print_table "$csv" | tee "$table"
echo "== raw results: $csv; table: $table"
