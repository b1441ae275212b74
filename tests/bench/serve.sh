#!/usr/bin/env bash
# Preview latency, atlas vs Hugo: the time from saving an edit to one entity until the served page shows it.
#
#   tests/bench/serve.sh                      # 10,000 entities, 7 edits per tool, each to the park's body
#   tests/bench/serve.sh --entities 1000 --edits 5
#   tests/bench/serve.sh --edit data          # edit the park's English name instead (atlas: its .yml; Hugo: front matter)
#
# What it does: generates the scaled atlas and its Hugo equivalent (tests/Atlas.Scale) on tmpfs, starts
# `atlas serve` (the published CLI, Release, ReadyToRun) and `hugo server` (Debian's, its defaults: in memory, fast
# render) one after the other on 127.0.0.1, waits for the first build, then appends a unique line to the English
# Markdown of one park (with --edit data: puts a unique word into its English name, which its lists, map, timeline
# and every page linking to it show), polls that park's English page every 5 ms with curl until the edit appears,
# and prints each latency and the median. Edits are 3 s apart so that each is its own rebuild. Needs hugo, curl and the .NET SDK.
set -euo pipefail

entities=10000
edits=7
edit=body
while [[ $# -gt 0 ]]; do
  case "$1" in
    --entities) entities="$2"; shift 2 ;;
    --edits) edits="$2"; shift 2 ;;
    --edit) edit="$2"; shift 2 ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "serve.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done

repo="$(cd "$(dirname "$0")/../.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
for tool in hugo curl dotnet; do
  command -v "$tool" >/dev/null 2>&1 || { echo "serve.sh: $tool is required" >&2; exit 1; }
done

shm=/dev/shm/atlas-serve-bench
[[ -d /dev/shm ]] || shm=/tmp/atlas-serve-bench
rm -rf "$shm"
mkdir -p "$shm"
tools="$(mktemp -d /tmp/atlas-serve-tools.XXXXXX)"
server=""
cleanup() { [[ -n $server ]] && kill "$server" 2>/dev/null; rm -rf "$shm" "$tools"; }
trap cleanup EXIT

echo "== publishing Atlas.Cli and Atlas.Scale (Release)"
# Self-contained, the framework and the atlas precompiled together (composite ReadyToRun): generic code over the
# atlas's own types is compiled ahead of time too, which cuts the start-up of a small build by about a fifth (README, Performance).
# The SDK reuses ReadyToRun images from an earlier publish even when that one was not composite (and the result then
# aborts at start): start the precompilation from nothing.
rm -rf "$repo/src/Atlas.Cli/obj/Release/net10.0/linux-x64/R2R"
dotnet publish "$repo/src/Atlas.Cli" -c Release -r linux-x64 --self-contained true -p:PublishReadyToRun=true \
  -p:PublishReadyToRunComposite=true -o "$tools/atlas" --nologo -v quiet >/dev/null
dotnet publish "$repo/tests/Atlas.Scale" -c Release -o "$tools/scale" --nologo -v quiet >/dev/null
dotnet "$tools/scale/Atlas.Scale.dll" --site "$repo" --entities "$entities" --out "$shm/site" --hugo "$shm/hugo" | sed 's/^/   /'

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# wait_for URL TEXT LIMIT_S: polls until the page holds TEXT; prints the milliseconds it took.
wait_for() {
  local url="$1" text="$2" limit="$3" start; start="$(now_ms)"
  while ! curl -fsS "$url" 2>/dev/null | grep -qF -- "$text"; do
    if (( $(now_ms) - start > limit * 1000 )); then echo "serve.sh: '$text' not at $url after ${limit} s" >&2; return 1; fi
    sleep 0.005
  done
  echo $(( $(now_ms) - start ))
}

# run TOOL FILE URL: edits FILE $edits times, each time measuring until URL shows the edit.
run() {
  local tool="$1" file="$2" url="$3" results=()
  for ((i = 1; i <= edits; i++)); do
    local marker="bench-edit-$tool-$i-$RANDOM"
    local start; start="$(now_ms)"
    if [[ $edit == body ]]; then
      printf '\n%s\n' "$marker" >>"$file"
    elif [[ $tool == atlas ]]; then
      sed -i "1s/ en: \"\([^\"]*\) (bench-edit[^)]*)\"/ en: \"\\1\"/; 1s/ en: \"\([^\"]*\)\"/ en: \"\\1 ($marker)\"/" "$file"
    else
      sed -i "2s/^title: \"\([^\"]*\) (bench-edit[^)]*)\"/title: \"\\1\"/; 2s/^title: \"\([^\"]*\)\"/title: \"\\1 ($marker)\"/" "$file"
    fi
    wait_for "$url" "$marker" 120 >/dev/null
    results+=($(( $(now_ms) - start )))
    printf '   %-5s edit %d: %6d ms\n' "$tool" "$i" "${results[-1]}"
    sleep 3
  done
  printf '%s\n' "${results[@]}" | sort -n | awk -v tool="$tool" '{ v[NR] = $1 } END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "== %s: median %d ms over %d edits (min %d, max %d)\n", tool, m, NR, v[1], v[NR] }'
}

slug="$(cd "$shm/site/content/parks" && ls ./*.en.md | sed -n '1p' | sed 's#^\./##; s#\.en\.md$##')"
echo "== editing the $edit of parks/$slug at $entities entities"
atlas_file="$shm/site/content/parks/$slug.en.md"
[[ $edit == data ]] && atlas_file="$shm/site/content/parks/$slug.yml"
[[ $edit == body || $edit == data ]] || { echo "serve.sh: --edit is body or data" >&2; exit 2; }

echo "== atlas serve"
(cd "$shm/site" && exec "$tools/atlas/Atlas.Cli" serve --port 8731 >"$shm/atlas.log" 2>&1) &
server=$!
wait_for "http://127.0.0.1:8731/en/parks/$slug/" "</html>" 600 >/dev/null
sleep 2
run atlas "$atlas_file" "http://127.0.0.1:8731/en/parks/$slug/"
# The server's own figure for each edit: from the start of the rebuild (after the 10 ms settle time) until open pages
# were told to reload, i.e. the affected pages were written. The curl figures above add the watcher, the settle
# time, curl's start-up and the 5 ms polling step.
grep -o 'pages reloaded after [0-9]* ms' "$shm/atlas.log" | awk '{ print $4 }' | sort -n | awk '{ v[NR] = $1 } END { if (NR) { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "== atlas serve reports: pages written and reload sent after median %d ms (min %d, max %d)\n", m, v[1], v[NR] } }'
kill "$server"; wait "$server" 2>/dev/null || true; server=""

echo "== hugo server"
(exec hugo server --source "$shm/hugo" --port 8732 --bind 127.0.0.1 --disableLiveReload >"$shm/hugo.log" 2>&1) &
server=$!
# Hugo serves under the path of the site's baseURL; it prints the address once the first build is done.
for ((t = 0; t < 1200; t++)); do grep -q "Web Server is available at" "$shm/hugo.log" && break; sleep 0.5; done
hugo_root="$(grep -o 'http://localhost:8732[^ ]*' "$shm/hugo.log" | head -1 | sed 's#localhost#127.0.0.1#')"
[[ -n $hugo_root ]] || { echo "serve.sh: hugo server did not start:" >&2; tail -20 "$shm/hugo.log" >&2; exit 1; }
wait_for "${hugo_root}en/parks/$slug/" "</html>" 600 >/dev/null
sleep 2
run hugo "$shm/hugo/content/parks/$slug.en.md" "${hugo_root}en/parks/$slug/"
kill "$server"; wait "$server" 2>/dev/null || true; server=""
