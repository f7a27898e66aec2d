#!/usr/bin/env bash
# Times whole commands on synthetic journeys (a month, a year, ten years)
# and prints the README's speed table, as medians:
#
#   bench/run.sh              # about three minutes on a 2-core machine
#   RUNS=50 bench/run.sh      # more runs per figure
#
# Needs hyperfine (apt-get install hyperfine) and python3; the app's figures
# come from shared/tools/ttff.py (TTFF=path/to/ttff.py to point elsewhere).
# The criterion benches (cargo bench --bench core) time the parts inside.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v hyperfine >/dev/null 2>&1; then
  echo "bench/run.sh needs hyperfine: apt-get install hyperfine (or cargo install hyperfine)." >&2
  exit 1
fi
TTFF=${TTFF:-../shared/tools/ttff.py}
RUNS=${RUNS:-30}

cargo build --release --quiet --bin breather --example synth
work=$(mktemp -d /tmp/breather-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
# Nothing from this machine's own config or cache takes part.
export XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache" TZ=UTC
unset NO_COLOR BREATHER_DATA_DIR
B=$PWD/target/release/breather

declare -A NOW
for size in month:30 year:365 ten-years:3650; do
  name=${size%%:*} days=${size##*:}
  line=$(target/release/examples/synth "$days" "$work/$name")
  NOW[$name]=${line##*BREATHER_NOW=}
done

# hyperfine NAME COMMAND [extra hyperfine options]: median into $work/NAME.json
time_it() {
  local name=$1 command=$2
  shift 2
  hyperfine -N --style none --warmup 5 --runs "$RUNS" "$@" \
    --export-json "$work/$name.json" "$command" >/dev/null
}

time_it true "true"
for name in month year ten-years; do
  export BREATHER_NOW=${NOW[$name]}
  time_it "status-$name" "$B --data-dir $work/$name status --short"
  time_it "remind-$name" "$B --data-dir $work/$name remind"
  time_it "log-$name" "$B --data-dir $work/$name log Walk --category other"
done
export BREATHER_NOW=${NOW[ten-years]}
# The first status after another program rewrote the file: no digest to use.
time_it "status-cold-ten-years" "$B --data-dir $work/ten-years status --short" \
  --prepare "rm -rf $work/cache"
time_it "search-ten-years" "$B --data-dir $work/ten-years search quiet garden" -i
time_it "export-ten-years" "$B --data-dir $work/ten-years export --format markdown --output $work/out.md"

# The app: first frame, then a keypress (4: Activities), peak RSS.
if [ -f "$TTFF" ]; then
  for name in year ten-years; do
    python3 "$TTFF" -n 10 --warmup 2 --env "BREATHER_NOW=${NOW[$name]}" \
      --env "XDG_CONFIG_HOME=$XDG_CONFIG_HOME" --env "XDG_CACHE_HOME=$XDG_CACHE_HOME" \
      --expect Today --keys 4 --keys-expect "By category" --json "$work/tui-$name.json" \
      -- "$B" --data-dir "$work/$name" >/dev/null
  done
else
  echo "($TTFF not found: the app's figures are left out)" >&2
fi
# Peak RSS of the heaviest command on ten years (GNU time, in KB).
if [ -x /usr/bin/time ]; then
  /usr/bin/time -f %M -o "$work/rss-log.txt" "$B" --data-dir "$work/ten-years" log Walk >/dev/null
fi

python3 - "$work" <<'PY'
import json, os, statistics, sys
work = sys.argv[1]
def med(name, key="times"):
    path = os.path.join(work, name + ".json")
    if not os.path.exists(path):
        return None
    data = json.load(open(path))
    if key == "times":
        return statistics.median(data["results"][0]["times"]) * 1000
    vals = [r[key] for r in data["runs"] if r.get(key) is not None]
    return statistics.median(vals) if vals else None
def ms(v):
    return "—" if v is None else f"{v:.1f} ms"
true = med("true")
rows = [
    ("`status --short`", [ms(med(f"status-{n}")) for n in ("month", "year", "ten-years")]),
    ("`status --short`, first after a change by another program", ["", "", ms(med("status-cold-ten-years"))]),
    ("`remind`", [ms(med(f"remind-{n}")) for n in ("month", "year", "ten-years")]),
    ("`log` (a save, with fsync)", [ms(med(f"log-{n}")) for n in ("month", "year", "ten-years")]),
    ("`search quiet garden`", ["", "", ms(med("search-ten-years"))]),
    ("`export --format markdown --output F`", ["", "", ms(med("export-ten-years"))]),
    ("app: first frame", ["", ms(med("tui-year", "ttff_ms")), ms(med("tui-ten-years", "ttff_ms"))]),
    ("app: a keypress handled and drawn", ["", ms(med("tui-year", "keys_ms")), ms(med("tui-ten-years", "keys_ms"))]),
]
rss = med("tui-ten-years", "peak_rss_kb")
print(f"spawning `true`: {ms(true)}\n")
print("| what | a month | a year | ten years |")
print("| --- | --- | --- | --- |")
for what, cells in rows:
    print(f"| {what} | " + " | ".join(cells) + " |")
log_rss = os.path.join(work, "rss-log.txt")
if rss is not None:
    print(f"| app: peak RSS | | | {rss / 1024:.1f} MB |")
if os.path.exists(log_rss):
    kb = int(open(log_rss).read().split()[-1])
    print(f"| `log`: peak RSS | | | {kb / 1024:.1f} MB |")
year = med("status-year")
if true and year:
    print(f"\n`status --short` on a year costs {year / true:.1f}× spawning `true`.")
PY
