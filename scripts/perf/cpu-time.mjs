// CPU time (user + system, from /usr/bin/time) of whole commands, as the median of interleaved runs: on a shared
// machine it moves far less with the load than the wall-clock time. Each COMMAND runs in sh, its output discarded.
// Usage: node scripts/perf/cpu-time.mjs RUNS -- 'LABEL=COMMAND'… ; e.g.
//   node scripts/perf/cpu-time.mjs 9 -- 'plain=TML_CODE_CACHE=0 node bin/tml.cjs report m1k' 'cache=node bin/tml.cjs report m1k'
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

const runs = Number(process.argv[2]);
const commands = process.argv.slice(process.argv.indexOf('--') + 1).map(arg => {
    const at = arg.indexOf('=');
    return { label: arg.slice(0, at), command: arg.slice(at + 1) };
});
const scratch = mkdtempSync(join(tmpdir(), 'tml-cpu-time-'));
const timeFile = join(scratch, 'time');
const cpu = new Map(commands.map(c => [c.label, []]));
const wall = new Map(commands.map(c => [c.label, []]));
console.log('load before', loadavg().map(x => x.toFixed(2)).join(' '));
try {
    for (let i = 0; i < runs; i++) {
        for (const { label, command } of commands) {
            const start = process.hrtime.bigint();
            spawnSync('/usr/bin/time', ['-f', '%U %S', '-o', timeFile, 'sh', '-c', `${command} >/dev/null`], { stdio: 'ignore' });
            wall.get(label).push(Number(process.hrtime.bigint() - start) / 1e6);
            const [user, system] = readFileSync(timeFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
            cpu.get(label).push((user + system) * 1000);
        }
    }
} finally {
    rmSync(scratch, { recursive: true, force: true });
}
const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const { label } of commands) {
    console.log(`${label.padEnd(14)} cpu median ${median(cpu.get(label)).toFixed(0)} ms, min ${Math.min(...cpu.get(label)).toFixed(0)} ms; wall median ${median(wall.get(label)).toFixed(0)} ms (${runs} runs)`);
}
console.log('load after', loadavg().map(x => x.toFixed(2)).join(' '));
