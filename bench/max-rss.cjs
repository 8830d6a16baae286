// Fallback when /usr/bin/time is missing: preloaded with NODE_OPTIONS=--require, appends this
// process's peak RSS (KB) to $PHI_GUARD_BENCH_RSS_FILE at exit. bench/run.mjs takes the max.
const fs = require('node:fs');
process.on('exit', () => {
  const file = process.env.PHI_GUARD_BENCH_RSS_FILE;
  if (file) fs.appendFileSync(file, `${process.resourceUsage().maxRSS}\n`);
});
