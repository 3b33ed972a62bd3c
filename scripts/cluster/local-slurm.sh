#!/usr/bin/env bash
# A throwaway single-node Slurm (munged, slurmctld, slurmd) in one folder, started without systemd, for
# testing the README's cluster recipe: `local-slurm.sh start DIR` prints SLURM_CONF=...; `stop DIR` ends it.
set -euo pipefail
cmd=${1:?usage: local-slurm.sh start|stop DIR}
dir=$(realpath -m "${2:?usage: local-slurm.sh start|stop DIR}")

stop() {
  # End the daemons by the ids they wrote, newest first, and wait for each to go.
  for name in slurmd slurmctld munged; do
    pidfile="$dir/$name.pid"
    [ -s "$pidfile" ] || continue
    pid=$(cat "$pidfile")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$pidfile"
  done
}

start() {
  for tool in munged slurmctld slurmd sbatch; do
    command -v "$tool" >/dev/null || { echo "local-slurm: $tool not found (apt-get install slurmctld slurmd munge slurm-client)" >&2; exit 3; }
  done
  mkdir -p "$dir/state" "$dir/spool" "$dir/log"
  host=$(hostname -s)
  port=$((20000 + ($$ % 20000)))
  # A private munge key and socket, so a munged already on the machine is left alone.
  head -c 1024 /dev/urandom > "$dir/munge.key"
  chmod 600 "$dir/munge.key"
  munged --force --socket="$dir/munge.sock" --key-file="$dir/munge.key" --pid-file="$dir/munged.pid" \
    --log-file="$dir/log/munged.log" --seed-file="$dir/munged.seed"
  cat > "$dir/slurm.conf" <<CONF
ClusterName=dv2g-test
SlurmctldHost=$host
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$dir/munge.sock
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
SlurmctldPort=$port
SlurmdPort=$((port + 1))
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
MpiDefault=none
JobCompType=jobcomp/none
AccountingStorageType=accounting_storage/none
KillWait=10
NodeName=$host CPUs=$(nproc) State=UNKNOWN
PartitionName=test Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
  export SLURM_CONF="$dir/slurm.conf"
  slurmctld
  slurmd
  for _ in $(seq 100); do
    if sinfo -h -o %t 2>/dev/null | grep -q idle; then echo "SLURM_CONF=$SLURM_CONF"; return 0; fi
    sleep 0.2
  done
  echo "local-slurm: the node did not come up; see $dir/log" >&2
  stop
  exit 4
}

case "$cmd" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: local-slurm.sh start|stop DIR" >&2; exit 2 ;;
esac
