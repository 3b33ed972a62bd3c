// Preloaded (`node --require`) by scripts/scaling.mjs into each run's process: at exit, writes the process's peak
// resident memory in KiB (every thread's, as getrusage counts it) to the file DV2G_PEAK_RSS_FILE names.
const { writeFileSync } = require('node:fs');
process.on('exit', () => {
  if (process.env.DV2G_PEAK_RSS_FILE) writeFileSync(process.env.DV2G_PEAK_RSS_FILE, String(process.resourceUsage().maxRSS));
});
