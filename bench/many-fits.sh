#!/usr/bin/env bash
# Throughput of many fits: `muster batch` on all cores, `muster batch` on 2 threads, and Spark's
# MusterSpark.fitEach in local[2], on the same table of SEGMENTS beta-binomial segments (UNITS units each).
# Prints fits per second of each and Spark's overhead per fit over batch on the same 2 cores. Not a test:
# run it on an idle machine (a loaded one measures the other jobs).
#
#   bench/many-fits.sh [SEGMENTS] [UNITS]        # default 1000 segments of 5 units
#   CHAINS=4 WARMUP=1000 DRAWS=1000 bench/many-fits.sh 1000
#
# Spark runs in this JVM's class path (spark-sql is the spark module's provided dependency), as
# `java ... org.muster.spark.SparkMain --master local[2] fit-each ...`, with the --add-opens Java 17 needs.
# Each run writes its summaries; the script checks that batch and Spark agree on every number.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
segments="${1:-1000}"
units="${2:-5}"
chains="${CHAINS:-4}"
warmup="${WARMUP:-1000}"
draws="${DRAWS:-1000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

table="$work/segments.csv"
python3 - "$segments" "$units" "$table" <<'PY'
import random, sys
segments, units, path = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
r = random.Random(2024)
with open(path, "w") as f:
    f.write("segment,y,n\n")
    for s in range(segments):
        rate = r.betavariate(2, 18)
        for u in range(units):
            trials = r.randint(20, 200)
            successes = sum(r.random() < r.betavariate(20 * rate, 20 * (1 - rate)) for _ in range(trials))
            f.write("s%05d,%d,%d\n" % (s, successes, trials))
PY

fit=(--prior "concentration=gamma(2, 0.1)" --chains "$chains" --warmup "$warmup" --draws "$draws" --seed 7)
echo "building..." >&2
(cd "$root" && mvn -B -q -DskipTests -Dinvoker.skip -pl spark -am package dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/classpath.txt >/dev/null)
"$root/muster" --version >/dev/null
classpath="$root/spark/target/classes:$(cat "$root/spark/target/classpath.txt")"
opens=(--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true)

# local mode stays on the loopback interface
export SPARK_LOCAL_IP=127.0.0.1 SPARK_LOCAL_HOSTNAME=localhost
seconds() { python3 -c "import time; print(time.time())"; }
elapsed() { python3 -c "print('%.2f' % ($2 - $1))"; }
rate() { python3 -c "print('%.1f' % ($1 / $2))"; }

run_batch() { # threads output
  local start end
  start=$(seconds)
  "$root/muster" batch beta-binomial --data "$table" --by segment "${fit[@]}" --threads "$1" --output "$2" --quiet \
      >/dev/null
  end=$(seconds)
  elapsed "$start" "$end"
}

cores=$(nproc)
echo "table: $segments segments x $units units; fits: $chains chains x $draws draws ($warmup warmup); $cores cores"
all=$(run_batch "$cores" "$work/batch-all")
two=$(run_batch 2 "$work/batch-2")
start=$(seconds)
java "${opens[@]}" -cp "$classpath" org.muster.spark.SparkMain --master 'local[2]' fit-each --data "$table" \
    --by segment --family beta-binomial "${fit[@]}" --partitions 2 --output "$work/spark" --output-format csv \
    >/dev/null 2>"$work/spark.log"
end=$(seconds)
spark=$(elapsed "$start" "$end")

printf "%-28s %8s s %10s fits/s\n" "batch, $cores threads" "$all" "$(rate "$segments" "$all")"
printf "%-28s %8s s %10s fits/s\n" "batch, 2 threads" "$two" "$(rate "$segments" "$two")"
printf "%-28s %8s s %10s fits/s\n" "spark local[2], 2 tasks" "$spark" "$(rate "$segments" "$spark")"
python3 -c "print('spark overhead over batch on 2 threads: %.1f ms per fit (JVM and session start included)' \
    % (1000 * ($spark - $two) / $segments))"

# batch and Spark agree on every number
python3 - "$work/batch-2/summaries.csv" "$work/spark" <<'PY'
import csv, glob, sys
def rows(files):
    out = {}
    for name in files:
        with open(name) as f:
            for r in csv.DictReader(f):
                out[(r["segment"], r["variable"])] = tuple(r[k] for k in ("mean", "sd", "q5", "q50", "q95", "rhat", "ess_bulk", "ess_tail"))
    return out
batch = rows([sys.argv[1]])
spark = rows(glob.glob(sys.argv[2] + "/part-*.csv"))
same = batch.keys() == spark.keys() and all([repr(float(v)) for v in batch[k]] == [repr(float(v)) for v in spark[k]]
                                            for k in batch)
print("batch and spark summaries identical: %s (%d rows)" % (same, len(batch)))
sys.exit(0 if same else 1)
PY
