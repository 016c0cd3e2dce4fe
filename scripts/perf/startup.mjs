// Start-up time of commands, as the median of interleaved runs (the machine is shared: one run
// says little). Usage: node scripts/perf/startup.mjs RUNS -- LABEL=COMMAND… ; e.g.
//   node scripts/perf/startup.mjs 21 -- 'node=node -e 0' 'tml=node bin/tml.cjs --version'
import { spawnSync } from 'node:child_process';

const runs = Number(process.argv[2]);
const commands = process.argv.slice(process.argv.indexOf('--') + 1).map(arg => {
    const at = arg.indexOf('=');
    return { label: arg.slice(0, at), argv: arg.slice(at + 1).split(' ') };
});
const times = new Map(commands.map(c => [c.label, []]));
for (let i = 0; i < runs; i++) {
    for (const { label, argv } of commands) {
        const start = process.hrtime.bigint();
        const result = spawnSync(argv[0], argv.slice(1), { stdio: 'ignore' });
        if (result.status !== 0) throw new Error(`${label} exited with ${result.status}`);
        times.get(label).push(Number(process.hrtime.bigint() - start) / 1e6);
    }
}
const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const [label, xs] of times) console.log(`${label.padEnd(12)} median ${median(xs).toFixed(1)} ms  min ${Math.min(...xs).toFixed(1)} ms`);
