#!/bin/bash
# One shard of a dv2g scenario per Slurm array task (submit with --array=1-$SHARDS from the dv2g folder).
# --resume keeps what a killed or requeued task had stored; exec lets Slurm's SIGTERM reach dv2g itself.
#SBATCH --job-name=dv2g-shard
#SBATCH --cpus-per-task=1
#SBATCH --output=dv2g-shard-%A_%a.log
set -euo pipefail
: "${SCENARIO:?export SCENARIO=<scenario file>}" "${OUT:?export OUT=<results folder on a shared file system>}" "${SHARDS:?export SHARDS=<number of shards>}"
exec node bin/dv2g.js run "$SCENARIO" --shard "$SLURM_ARRAY_TASK_ID/$SHARDS" --out "$OUT/shard-$SLURM_ARRAY_TASK_ID" \
  --resume --workers "${SLURM_CPUS_PER_TASK:-1}" --no-report --quiet
