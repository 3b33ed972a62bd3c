#!/bin/bash
# Merges the shards of a dv2g job array after every task has ended, whatever its outcome (submit with
# --dependency=afterany:<array job id>); exits 1 naming the missing runs and shards, and how to rerun them.
#SBATCH --job-name=dv2g-merge
#SBATCH --cpus-per-task=1
#SBATCH --output=dv2g-merge-%j.log
set -euo pipefail
: "${OUT:?export OUT=<results folder of the shards>}"
exec node bin/dv2g.js merge "$OUT"/shard-* --out "$OUT/merged"
