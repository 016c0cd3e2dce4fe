import * as assert from 'node:assert/strict';
import { exitCodeFor } from '../../language-server/src/cli/check.js';
import type { Finding } from '../../language-server/src/generator/findings.js';

function findingOf(severity: Finding['severity']): Finding {
    return { file: 'a.tm', line: 1, column: 1, endLine: 1, endColumn: 2, severity, code: 'x', message: 'm' };
}

describe('the exit code of tml check', () => {
    const cases: readonly [Finding['severity'][], 'error' | 'warning' | 'none', number][] = [
        [[], 'warning', 0],
        [['warning', 'information'], 'error', 0],
        [['error'], 'error', 1],
        [['warning'], 'warning', 1],
        [['information', 'hint'], 'warning', 0],
        [['error'], 'none', 0],
    ];
    for (const [severities, failOn, expected] of cases) {
        it(`is ${expected} for [${severities.join(', ')}] with --fail-on ${failOn}`, () => {
            assert.equal(exitCodeFor(severities.map(findingOf), failOn), expected);
        });
    }
});
