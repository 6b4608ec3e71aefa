#!/usr/bin/env bash
# Single-node Apache Kafka (KRaft, broker+controller in one JVM) for tests and development,
# fetched from Maven Central through Maven; no Docker needed.
#
#   scripts/kafka.sh up            fetch jars (once), format storage (once), start, wait until ready
#   scripts/kafka.sh down [--clean] stop the broker this script started (--clean: delete its data)
#   scripts/kafka.sh status        exit 0 if a broker answers clients on 127.0.0.1:$KAFKA_PORT
#
# State lives in <repo>/.kafka (gitignored): lib/ (jars), data/ (log.dirs), server.properties,
# kafka.pid, kafka.log. Needs java (17+) and mvn on PATH.
#
# Environment overrides:
#   KAFKA_VERSION          broker version from Maven Central (default 3.9.1; 4.x also works)
#   KAFKA_PORT             client (PLAINTEXT) port, default 9092
#   KAFKA_CONTROLLER_PORT  KRaft controller port, default KAFKA_PORT+1
#   KAFKA_START_TIMEOUT    seconds to wait for readiness, default 90
#   KAFKA_HEAP             JVM heap, default 512m
#   KAFKA_STATE_DIR        state folder, default <repo>/.kafka (one per version/port if you run several)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE="${KAFKA_STATE_DIR:-$ROOT/.kafka}"
LIB="$STATE/lib"
DATA="$STATE/data"
PROPS="$STATE/server.properties"
PIDFILE="$STATE/kafka.pid"
LOGFILE="$STATE/kafka.log"
POM="$ROOT/scripts/kafka/pom.xml"

KAFKA_VERSION="${KAFKA_VERSION:-3.9.1}"
KAFKA_HOST=127.0.0.1
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-$((KAFKA_PORT + 1))}"
KAFKA_START_TIMEOUT="${KAFKA_START_TIMEOUT:-90}"
KAFKA_HEAP="${KAFKA_HEAP:-512m}"
BOOTSTRAP="$KAFKA_HOST:$KAFKA_PORT"
MAJOR="${KAFKA_VERSION%%.*}"
MARKER="$LIB/.complete-$KAFKA_VERSION"

log() { printf 'kafka.sh: %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

port_open() { # host port
  timeout 2 bash -c "exec 3<>/dev/tcp/$1/$2" 2>/dev/null
}

# PID of the broker this script started, if it is still alive (guards against stale/reused pids).
running_pid() {
  [[ -f "$PIDFILE" ]] || return 1
  local pid
  pid="$(cat "$PIDFILE" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q 'kafka\.Kafka' || return 1
  echo "$pid"
}

need() { command -v "$1" >/dev/null 2>&1 || die "'$1' is not on PATH ($2)"; }

fetch_jars() {
  if [[ -f "$MARKER" ]]; then
    return 0
  fi
  need mvn "Maven fetches the broker from Maven Central"
  local tmp="$STATE/lib.tmp" t0=$SECONDS
  local -a extra=()
  if ((MAJOR >= 4)); then extra+=(-Dkafka4); fi
  log "fetching org.apache.kafka:kafka_2.13:$KAFKA_VERSION and its runtime dependencies (Maven)..."
  rm -rf "$tmp"
  mkdir -p "$tmp"
  if ! (cd "$STATE" && mvn -B -q -Dstyle.color=never -f "$POM" -Dkafka.version="$KAFKA_VERSION" "${extra[@]}" \
    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies \
    -DoutputDirectory="$tmp" -DincludeScope=runtime) >"$STATE/fetch.log" 2>&1; then
    tail -n 30 "$STATE/fetch.log" >&2
    die "Maven could not fetch Kafka $KAFKA_VERSION (full output: $STATE/fetch.log)"
  fi
  compgen -G "$tmp/kafka_2.13-$KAFKA_VERSION.jar" >/dev/null || die "kafka_2.13-$KAFKA_VERSION.jar missing after fetch"
  touch "$tmp/.complete-$KAFKA_VERSION"
  rm -rf "$LIB"
  mv "$tmp" "$LIB"
  log "fetched $(find "$LIB" -name "*.jar" | wc -l) jars in $((SECONDS - t0)) s"
}

write_config() {
  cat >"$PROPS" <<EOF
# Written by scripts/kafka.sh on every 'up'; edits are overwritten.
process.roles=broker,controller
node.id=1
listeners=PLAINTEXT://$KAFKA_HOST:$KAFKA_PORT,CONTROLLER://$KAFKA_HOST:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://$KAFKA_HOST:$KAFKA_PORT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
controller.quorum.voters=1@$KAFKA_HOST:$KAFKA_CONTROLLER_PORT
log.dirs=$DATA
num.partitions=3
auto.create.topics.enable=true
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
EOF
  if ((MAJOR >= 4)); then
    cat >>"$PROPS" <<EOF
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
EOF
  fi
}

logging_opts() {
  if ((MAJOR >= 4)); then
    # Kafka 4.x logs through log4j2: same quiet setup as scripts/kafka/log4j.properties.
    cat >"$STATE/log4j2.properties" <<'EOF'
status = error
appender.console.type = Console
appender.console.name = STDOUT
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = warn
rootLogger.appenderRef.stdout.ref = STDOUT
logger.raft.name = kafka.server.KafkaRaftServer
logger.raft.level = info
logger.state.name = state.change.logger
logger.state.level = error
EOF
    echo "-Dlog4j2.configurationFile=file:$STATE/log4j2.properties"
  else
    echo "-Dlog4j.configuration=file:$ROOT/scripts/kafka/log4j.properties"
  fi
}

format_storage() {
  [[ -f "$DATA/meta.properties" ]] && return 0
  local id
  id="$(java -cp "$LIB/*" kafka.tools.StorageTool random-uuid 2>>"$STATE/tools.log" | tail -n1)"
  [[ -n "$id" ]] || die "StorageTool random-uuid printed nothing (see $STATE/tools.log)"
  log "formatting $DATA (cluster id $id)"
  java -cp "$LIB/*" "$(logging_opts)" kafka.tools.StorageTool format -t "$id" -c "$PROPS" \
    >>"$STATE/tools.log" 2>&1 || { tail -n 20 "$STATE/tools.log" >&2; die "storage format failed"; }
}

# A real client round trip rather than a TCP check: cluster metadata, topic list, the group
# coordinator (creates/loads __consumer_offsets) and a transactional producer's initTransactions
# (creates/loads __transaction_state and makes the broker fetch a block of producer ids from the
# controller), so a test's first consumer group or idempotent producer does not get
# "coordinator not available" / "coordinator is loading" (KRaft answers the first InitProducerId
# after each start that way while it allocates ids).
write_ready_check() {
  local tmp="$STATE/.KafkaReady.$$.java" # written then renamed: concurrent callers never see half a file
  cat >"$tmp" <<'EOF'
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeConsumerGroupsOptions;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

public class KafkaReady {
  public static void main(String[] args) {
    Properties p = new Properties();
    p.put("bootstrap.servers", args[0]);
    p.put("request.timeout.ms", "3000");
    p.put("default.api.timeout.ms", "5000");
    try (Admin admin = Admin.create(p)) {
      int nodes = admin.describeCluster().nodes().get().size();
      if (nodes < 1) { System.err.println("no brokers in cluster metadata"); System.exit(1); }
      int topics = admin.listTopics().names().get().size();
      try {
        admin.describeConsumerGroups(List.of("kafka-sh-ready"),
            new DescribeConsumerGroupsOptions().timeoutMs(20000)).all().get();
      } catch (ExecutionException e) { // 4.x answers "group not found", 3.x a Dead group
        if (!(e.getCause() instanceof GroupIdNotFoundException)) throw e;
      }
      Properties pp = new Properties();
      pp.put("bootstrap.servers", args[0]);
      // A new id each time: an existing one only gets its epoch bumped, with no new producer id.
      pp.put("transactional.id", "kafka-sh-ready-" + System.currentTimeMillis());
      pp.put("max.block.ms", "20000");
      try (KafkaProducer<byte[], byte[]> producer =
          new KafkaProducer<>(pp, new ByteArraySerializer(), new ByteArraySerializer())) {
        producer.initTransactions();
      }
      System.out.println("ready: " + nodes + " broker(s), " + topics + " topic(s), coordinators loaded");
    } catch (Exception e) {
      System.err.println("not ready: " + e);
      System.exit(1);
    }
  }
}
EOF
  mv -f "$tmp" "$STATE/KafkaReady.java"
}

ready() { # prints a one-line summary on success
  [[ -f "$MARKER" ]] || return 1
  port_open "$KAFKA_HOST" "$KAFKA_PORT" || return 1
  write_ready_check
  # Only the summary line goes to stdout; client logging (if any) is dropped.
  java -cp "$LIB/*" -Dlog4j.configuration=file:/dev/null -Dlog4j2.level=off \
    "$STATE/KafkaReady.java" "$BOOTSTRAP" 2>>"$STATE/ready.log" | grep -m1 '^ready: '
}

fail_start() {
  log "ERROR: $1"
  log "last lines of $LOGFILE:"
  tail -n 40 "$LOGFILE" >&2 || true
  exit 1
}

cmd_up() {
  mkdir -p "$STATE"
  # Serialise concurrent 'up's (e.g. parallel test runners): the second waits, then reuses.
  exec 9>"$STATE/up.lock"
  flock -w $((KAFKA_START_TIMEOUT + 60)) 9 || die "another 'up' holds $STATE/up.lock"
  local pid
  if ! pid="$(running_pid)"; then
    if port_open "$KAFKA_HOST" "$KAFKA_PORT"; then
      log "something already accepts connections on $BOOTSTRAP; reusing it"
      exit 0
    fi
    need java "the broker is a JVM program"
    fetch_jars
    write_config
    format_storage
    rm -f "$STATE/ready.log" "$PIDFILE"
    local t0=$SECONDS lopt
    lopt="$(logging_opts)"
    log "starting Kafka $KAFKA_VERSION on $BOOTSTRAP (log: $LOGFILE)"
    # setsid + nohup: the broker outlives this script and the shell/job that ran it.
    # bash writes its own pid and then execs java, so the pid file holds the JVM's pid.
    # shellcheck disable=SC2016
    setsid nohup bash -c 'echo $$ >"$0"; exec "$@"' "$PIDFILE" \
      java -Xms256m -Xmx"$KAFKA_HEAP" -Djava.awt.headless=true "$lopt" \
      -cp "$LIB/*" kafka.Kafka "$PROPS" </dev/null >"$LOGFILE" 2>&1 9>&- &
    for _ in $(seq 50); do [[ -s "$PIDFILE" ]] && break; sleep 0.1; done
    pid="$(cat "$PIDFILE")"
  else
    log "broker started by this script is already running (pid $pid); reusing it"
    local t0=$SECONDS
  fi

  local deadline=$((SECONDS + KAFKA_START_TIMEOUT)) summary
  while ((SECONDS < deadline)); do
    if ! kill -0 "$pid" 2>/dev/null; then
      [[ "$(cat "$PIDFILE" 2>/dev/null)" == "$pid" ]] && rm -f "$PIDFILE"
      fail_start "broker exited during startup"
    fi
    if summary="$(ready)"; then
      log "Kafka is up on $BOOTSTRAP (pid $pid, ${summary#ready: }, $((SECONDS - t0)) s)"
      return 0
    fi
    sleep 1
  done
  fail_start "broker not ready after ${KAFKA_START_TIMEOUT}s (still running as pid $pid; stop it with: $0 down)"
}

cmd_down() {
  local clean=0
  [[ "${1:-}" == "--clean" ]] && clean=1
  local pid
  if pid="$(running_pid)"; then
    log "stopping Kafka (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then
      log "still running after 30 s; sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    fi
    log "stopped"
  else
    if port_open "$KAFKA_HOST" "$KAFKA_PORT"; then
      log "a process not started by this script listens on $BOOTSTRAP; leaving it alone"
    else
      log "no broker started by this script is running"
    fi
  fi
  rm -f "$PIDFILE"
  if ((clean)); then
    rm -rf "$DATA" "$STATE/kafka.log" "$STATE/tools.log" "$STATE/ready.log"
    log "deleted $DATA"
  fi
}

cmd_status() {
  local pid summary
  if pid="$(running_pid)"; then log "started by this script: pid $pid"; fi
  if summary="$(ready)"; then
    log "Kafka answers on $BOOTSTRAP (${summary#ready: })"
    return 0
  elif port_open "$KAFKA_HOST" "$KAFKA_PORT"; then
    log "something listens on $BOOTSTRAP but did not answer as a Kafka broker (yet)"
  else
    log "nothing listens on $BOOTSTRAP"
  fi
  return 3
}

main() {
  case "${1:-}" in
    up) cmd_up ;;
    down) shift; cmd_down "$@" ;;
    status) cmd_status ;;
    *)
      echo "usage: $0 up | down [--clean] | status" >&2
      exit 2
      ;;
  esac
}

# One line, so bash has read all of it before running: editing or checking out this file
# while it runs (tests call it) cannot make bash go on with lines from the new version.
main "$@"; exit $?
