#!/usr/bin/env bash
# Runs the benchmark set (under 10 minutes on 2 cores, about 3 more for the Kafka run and 2 for the HTTP one) and prints
# its summary tables.
# Usage: benchmarks/run.sh [quick]   ("quick": fewer iterations, for a smoke run)
# The set: decisions vs the minimal baseline, end to end in memory (1k/10k/100k agents), end to end
# on SQLite, group commit against one transaction per event on SQLite and PostgreSQL (64 callers),
# heap per session (JOL, 1M sessions), start-up with sessions in the store on SQLite and PostgreSQL (1M; set
# STARTUP_SESSIONS to change it: from the configuration snapshot, serve with the same file, the JSON fallback); then, in a run of its own (a broker in the benchmark's JVM needs a longer warm-up,
# about 3 more minutes), events/s through the Kafka Streams topology with 1 and 2 instances and the
# in-process engine with SQLite on the same workload; then the same comparison over HTTP (KafkaServeLoad: serve as a child
# process in process on SQLite, and serve --kafka with 1 and 2 instances, each on a fresh broker in the driver's JVM;
# acknowledged events/s, request to 202, to the command on omnisync.commands.omni and on a console stream). PostgreSQL: scripts/ensure-postgresql.sh
# starts the local one (or OMNISYNC_BENCH_POSTGRES).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
out="$here/target/results"
mkdir -p "$out"
(cd "$root" && mvn -B -q -ntp -DskipTests -pl benchmarks -am install)
jar="$here/target/benchmarks.jar"
bash "$root/scripts/ensure-postgresql.sh"
if [ "${1:-}" = "quick" ]; then
  iterations=(-wi 1 -w 1s -i 2 -r 1s -f 1)
  kafka_iterations=(-wi 2 -w 2s -i 2 -r 2s -f 1)
  http_load=(400 3 4 40 6)
else
  iterations=(-wi 3 -w 2s -i 5 -r 2s -f 1)
  kafka_iterations=(-wi 8 -w 2s -i 5 -r 3s -f 1)
  http_load=(2000 3 8 200 6)
fi
java -jar "$jar" 'DecisionBenchmark|EndToEndBenchmark|DurableBenchmark|GroupCommitBenchmark' "${iterations[@]}" \
  -rf json -rff "$out/jmh.json" > "$out/jmh.log" 2>&1 || { tail -30 "$out/jmh.log"; exit 1; }
java -jar "$jar" 'KafkaTopologyBenchmark' "${kafka_iterations[@]}" \
  -rf json -rff "$out/jmh-kafka.json" > "$out/jmh-kafka.log" 2>&1 || { tail -30 "$out/jmh-kafka.log"; exit 1; }
# agents, webhooks per agent (the first is the warm-up), connections, console streams, partitions; serve is the shaded
# CLI jar the build above made
java -Xmx2g -cp "$jar" io.omnisync.benchmarks.KafkaServeLoad "$root/adapters/cli/target/omnisync-cli-0.1.0-SNAPSHOT-all.jar" \
  "${http_load[@]}" > "$out/kafka-http.txt" 2> "$out/kafka-http.log" \
  || { cat "$out/kafka-http.txt"; tail -30 "$out/kafka-http.log"; exit 1; }
footprint="$(java -Xmx12g -Djol.magicFieldOffset=true -Djdk.attach.allowAttachSelf=true \
  -cp "$jar" io.omnisync.benchmarks.SessionFootprint 1000000 2>/dev/null | tail -1)"
# one line per store (SQLite, PostgreSQL): from the configuration snapshot, serve with the same file, and the JSON
# path (the fallback, what every start did before the snapshot), all in the same run
startup=()
while IFS= read -r line; do startup+=("$line"); done < <(java -Xmx12g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "$jar" io.omnisync.benchmarks.DurableStartup "${STARTUP_SESSIONS:-1000000}" both 2>/dev/null | grep '^start-up')
# failover: two serve processes on one PostgreSQL store, SIGKILL of the active one to the standby ready (a test)
(cd "$root" && mvn -B -q -ntp -pl adapters/cli verify -Dtest=StandbyFailoverTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dspotless.check.skip=true > "$out/failover.log" 2>&1) || { tail -30 "$out/failover.log"; exit 1; }
failover="$(cat "$root/adapters/cli/target/measurements/failover.txt")"
echo
echo "Omnisync benchmarks, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(java -version 2>&1 | head -1)"
java -cp "$jar" io.omnisync.benchmarks.Summary "$out/jmh.json" \
  "heap per agent session (1,000,000 sessions, JOL): $footprint" "${startup[@]}" "$failover"
echo
echo "Kafka Streams topology (events/s; broker, instances and load on this machine) vs the in-process engine with SQLite"
java -cp "$jar" io.omnisync.benchmarks.Summary "$out/jmh-kafka.json"
echo
echo "Over HTTP: in-process serve (SQLite) vs serve --kafka with 1 and 2 instances (broker, instances and driver on this machine)"
cat "$out/kafka-http.txt"
