// Preloaded with `node --require` by scripts/bench.mjs: reports the CPU time of the whole process (user + system,
// all threads, from process start) on its last stderr line when the process exits.
process.on('exit', () => {
  const cpu = process.cpuUsage();
  process.stderr.write(`\nbench-cpu-ms ${(cpu.user + cpu.system) / 1000}\n`);
});
