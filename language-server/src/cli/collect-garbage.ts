import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A full garbage collection, now. `tml` is a batch run: once every file is parsed and linked, the
 * tokens and the parser's scratch objects of a large model (more than half of the heap at that
 * point) are garbage that V8 would keep until the heap has grown to two or three times what is
 * live, which is the peak memory of the whole run (docs/performance.md). V8 makes its `gc`
 * function available to contexts created after `--expose-gc` is set; setting it changes nothing
 * else.
 */
export function collectGarbage(): void {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    if (typeof gc === 'function') (gc as () => void)();
}
