import { decide } from './decisions.js';
import { arrayField, field, optional, textField } from './json-input.js';
import { describe, type ModelBuilder } from './model-builder.js';
import type { TdCell } from './threat-dragon-import.js';
import { strideCategoryOf, threatDecisionOf } from './vocabulary.js';

/**
 * The threats of Threat Dragon's cells (`data.threats`, or `threats` on the cell in some files):
 * each targets its cell; `type` is the STRIDE category in the user's language; `status` and the
 * `mitigation` text give the response (docs/interop.md, "Threat Dragon threats").
 */
export function importThreatDragonThreats(cells: readonly TdCell[], builder: ModelBuilder): void {
    for (const { key, cell, title: cellTitle } of cells) {
        const threats = [...arrayField(field(cell, 'data'), 'threats'), ...arrayField(cell, 'threats')];
        threats.forEach((threat, index) => {
            const threatKey = `${key}\u0000threat ${index + 1}`;
            const title = textField(threat, 'title') ?? `Threat ${index + 1} on ${cellTitle}`;
            const what = describe('threat', title);
            const comments: string[] = [];
            const type = textField(threat, 'type');
            const category = type === undefined ? undefined : strideCategoryOf(type);
            if (type !== undefined && category === undefined) comments.push(builder.keep(what, `${textField(threat, 'modelType') ?? 'threat'} type '${type}' is not a STRIDE category`));
            for (const figure of ['severity', 'score'] as const) {
                const value = textField(threat, figure);
                if (value !== undefined && value !== 'TBD') comments.push(builder.keep(what, `Threat Dragon ${figure} ${value} (not DREAD)`));
            }
            const status = textField(threat, 'status') ?? 'Open';
            let decision = threatDecisionOf(status);
            if (decision === undefined) {
                comments.push(builder.keep(what, `status '${status}' is not one tml knows; imported as open`));
                decision = 'open';
            }
            const mitigation = textField(threat, 'mitigation');
            let description = textField(threat, 'description');
            if (decision === 'open' && mitigation !== undefined) {
                builder.warn(`${what}: the proposed mitigation of an open threat is kept in its description`);
                description = `${description !== undefined ? `${description}\n\n` : ''}Proposed mitigation: ${mitigation}`;
            }
            const stride = category === undefined ? [] : [category];
            const outcome = decide(decision, { key: threatKey, title, stride, targets: [key], mitigations: [], makeMitigation: true, ...optional('text', mitigation) }, 'Threat Dragon');
            builder.addDecided({ key: threatKey, title, stride, targets: [key], assets: [], comments, ...optional('description', description) }, outcome, what);
        });
    }
}
