#!/usr/bin/env bash
# Edit latency of the preview: from the save of a content file to the first HTTP answer that shows the edit, measured
# from outside the server, in the build users run.
#
#   tests/bench/edit-latency.sh                          # the shipped atlas (a copy on tmpfs), 20 edits
#   tests/bench/edit-latency.sh --entities 10000         # a 10,000-entity site from tests/Atlas.Scale
#   tests/bench/edit-latency.sh --site /dev/shm/h24-s10k # an existing site folder (edited, then restored)
#   tests/bench/edit-latency.sh --atlas "dotnet src/Atlas.Cli/bin/Release/net10.0/Atlas.Cli.dll" --edits 40
#
# Which build: --atlas names the command; by default the installed tool (`atlas` on PATH), else the Release CLI
# (src/Atlas.Cli/bin/Release/net10.0/Atlas.Cli.dll, built with `dotnet build src/Atlas.Cli -c Release`). The first
# line of the output says which one ran.
# What it does: starts `serve --port P` in a copy of the site on tmpfs, waits for the first build, then edits one park
# --edits times, alternating a Chinese body line (its .zh.md; checked on the Chinese page) and the English summary
# (front matter of its .en.md; checked on the English page). Each edit takes a timestamp right before the file is
# opened, written and closed, then polls the page every 2 ms over one kept-alive HTTP connection until the edit's
# unique word is in it. Edits are --gap seconds apart (default 1.5) so each is its own rebuild. Prints p50/p90/max of
# the latency per kind and over all, with the server's own figures (rebuild time, and when pages were told to reload)
# from its log, and the 1-minute load average before and after. The edited files are restored at the end.
# A site that is not in Git is made a repository of one commit first (see below).
# Needs python3, git and the .NET SDK (for --entities, and for the Release CLI).
set -euo pipefail

repo="$(cd "$(dirname "$0")/../.." && pwd)"
entities=""
site=""
edits=20
gap=1.5
port=8741
atlas=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --entities) entities="$2"; shift 2 ;;
    --site) site="$2"; shift 2 ;;
    --edits) edits="$2"; shift 2 ;;
    --gap) gap="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --atlas) atlas="$2"; shift 2 ;;
    -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
    *) echo "edit-latency.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
if [[ -z $atlas ]]; then
  if command -v atlas >/dev/null 2>&1; then
    atlas="$(command -v atlas)"
  else
    dll="$repo/src/Atlas.Cli/bin/Release/net10.0/Atlas.Cli.dll"
    [[ -f $dll ]] || { echo "edit-latency.sh: no 'atlas' on PATH and no $dll (dotnet build src/Atlas.Cli -c Release)" >&2; exit 1; }
    atlas="dotnet $dll"
  fi
fi
echo "== build: $atlas ($($atlas --version 2>/dev/null | head -1))"

shm=/dev/shm
[[ -d $shm ]] || shm=/tmp
work="$(mktemp -d "$shm/atlas-edit-latency.XXXXXX")"
server=""
cleanup() { [[ -n $server ]] && kill "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

if [[ -z $site ]]; then
  site="$work/site"
  if [[ -n $entities ]]; then
    echo "== generating $entities entities (tests/Atlas.Scale)"
    dotnet run --project "$repo/tests/Atlas.Scale" -c Release -- --site "$repo" --entities "$entities" --out "$site" | sed 's/^/   /'
  else
    mkdir -p "$site"
    cp -r "$repo/site.yml" "$repo/content" "$repo/templates" "$site/"
    [[ -d $repo/.atlas ]] && cp -r "$repo/.atlas" "$site/"
  fi
fi

# A site outside Git builds with a warning (git_dates), and after a build with warnings the preview takes no fast path
# (ProseEdit, DataEditFirstLook): an editor's site is a clone, so the copy becomes a repository of one commit.
if ! git -C "$site" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  git -C "$site" init -q
  git -C "$site" add site.yml content templates
  git -C "$site" -c user.name=bench -c user.email=bench@localhost commit -q -m "edit-latency bench"
fi

slug="$(cd "$site/content/parks" && ls ./*.en.md | sed -n '1p' | sed 's#^\./##; s#\.en\.md$##')"
echo "== site $site, editing parks/$slug, $edits edits, load average $(cut -d' ' -f1 /proc/loadavg)"

(cd "$site" && exec $atlas serve --port "$port" --timings >"$work/serve.log" 2>&1) &
server=$!

python3 - "$site" "$slug" "$port" "$edits" "$gap" "$work/serve.log" <<'PY'
import http.client, os, random, re, sys, time

site, slug, port, edits, gap, log = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5]), sys.argv[6]
zh_file = os.path.join(site, "content", "parks", slug + ".zh.md")
en_file = os.path.join(site, "content", "parks", slug + ".en.md")
originals = {f: open(f, encoding="utf-8").read() for f in (zh_file, en_file)}
conn = None

def get(path):
    global conn
    for _ in range(2):
        try:
            if conn is None:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            conn.request("GET", path)
            response = conn.getresponse()
            return response.read().decode("utf-8", "replace")
        except (OSError, http.client.HTTPException):
            conn = None
    return ""

def page_path(lang):
    # The Chinese pages sit at the root or under /zh/, depending on site.yml: ask for both once.
    for path in ("/%s/parks/%s/" % (lang, slug), "/parks/%s/" % slug):
        if "</html>" in get(path):
            return path
    return None

# The first build has ended when the server says where it serves (until then every request gets the "building…"
# page, which is HTML too): edits before that would time the first build, not a rebuild.
def serving():
    with open(log, encoding="utf-8", errors="replace") as f:
        return any(line.startswith("serving ") for line in f)

deadline = time.monotonic() + 900
while time.monotonic() < deadline and not (serving() and "</html>" in get("/en/parks/%s/" % slug)):
    time.sleep(0.2)
paths = {"zh": page_path("zh"), "en": page_path("en")}
if None in paths.values():
    sys.exit("edit-latency: the park's pages never appeared; see the server log")
time.sleep(2)
log_start = os.path.getsize(log)

def edit_zh(marker):
    return originals[zh_file].rstrip("\n") + "\n\n编辑测试 %s 一行。\n" % marker

def edit_en(marker):
    text, count = re.subn(r"(?m)^summary: ", "summary: %s " % marker, originals[en_file], count=1)
    if count != 1:
        sys.exit("edit-latency: no 'summary:' line in " + en_file)
    return text

results = {"zh body": [], "en summary": []}
try:
    for i in range(edits):
        kind, path, file, content = ("zh body", paths["zh"], zh_file, edit_zh) if i % 2 == 0 else ("en summary", paths["en"], en_file, edit_en)
        marker = "edit%dx%d" % (i, random.randrange(10**6))
        text = content(marker).encode("utf-8")
        started = time.perf_counter()
        with open(file, "wb") as f:
            f.write(text)
        while marker not in get(path):
            if time.perf_counter() - started > 120:
                sys.exit("edit-latency: edit %d not shown after 120 s" % i)
            time.sleep(0.002)
        ms = (time.perf_counter() - started) * 1000
        results[kind].append(ms)
        print("   edit %2d  %-10s %7.1f ms" % (i + 1, kind, ms), flush=True)
        time.sleep(gap)
finally:
    time.sleep(0.5)
    log_end = os.path.getsize(log)  # the restores below are rebuilds too: not counted
    for f, text in originals.items():
        with open(f, "w", encoding="utf-8") as out:
            out.write(text)

def summary(name, values):
    v = sorted(values)
    if not v:
        return
    pick = lambda q: v[min(len(v) - 1, max(0, int(round(q * len(v) + 0.5)) - 1))]
    print("== %-22s p50 %6.1f  p90 %6.1f  max %6.1f ms  (n=%d)" % (name, pick(0.5), pick(0.9), v[-1], len(v)))

print("== from the save to the first poll that shows the edit:")
for kind, values in results.items():
    summary(kind, values)
summary("all", results["zh body"] + results["en summary"])
with open(log, "rb") as f:
    f.seek(log_start)
    lines = [l for l in f.read(log_end - log_start).decode("utf-8", "replace").splitlines() if " rendered " in l]
rebuild = [float(m.group(1)) for m in (re.search(r" in (\d+) ms", l) for l in lines) if m]
reloaded = [float(m.group(1)) for m in (re.search(r"reloaded after (\d+) ms", l) for l in lines) if m]
waited = [float(m.group(1)) for m in (re.search(r"started (\d+) ms after the change", l) for l in lines) if m]
print("== the server's own figures (its log; %d rebuilds):" % len(lines))
summary("rebuild (whole)", rebuild)
summary("pages reloaded after", reloaded)
if waited:
    # Builds before this figure was printed have none.
    summary("change seen -> rebuild", waited)
    if len(waited) == len(reloaded):
        summary("change seen -> reload", [w + r for w, r in zip(waited, reloaded)])
PY
echo "== load average after: $(cut -d' ' -f1 /proc/loadavg)"
kept="/tmp/atlas-edit-latency-$(date +%Y%m%d-%H%M%S).log"
cp "$work/serve.log" "$kept" && echo "== the server's log (each rebuild, with --timings stages): $kept"
kill "$server"; wait "$server" 2>/dev/null || true; server=""
