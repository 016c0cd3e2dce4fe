import type { StrideCategory } from '../generated/ast.js';
import { decide } from './decisions.js';
import type { ImportedDread, MitigationStatus } from './imported-model.js';
import { arrayField, field, optional, stringField, textField } from './json-input.js';
import { describe, type ModelBuilder } from './model-builder.js';
import { cweNumber, isBuiltinRuleName, parseNumberList } from './otm-facts.js';
import { foreignAttributes, identified, OTM_KEYS, TML_ATTRIBUTE, tmlAttributes } from './otm-attributes.js';
import type { ThreatDecision } from './vocabulary.js';
import { normalizeTerm, strideCategoryOf, threatDecisionOf } from './vocabulary.js';

/** A threat instance: where the threat is, in which state, with which mitigations. */
interface Instance {
    readonly target: string;
    readonly decision: ThreatDecision;
    readonly mitigations: readonly string[];
}

/** tml's responses as the OTM state words export writes and this importer reads back. */
const RESPONSE_DECISIONS: Readonly<Record<string, ThreatDecision>> = { fix: 'mitigated', accept: 'accepted', warn: 'transferred', remove: 'removed' };

/** OTM mitigation instance states → tml mitigation status. */
const MITIGATION_STATUSES = new Map<string, MitigationStatus>([
    ['implemented', 'implemented'], ['verified', 'verified'], ['required', 'planned'], ['recommended', 'planned'], ['planned', 'planned'], ['proposed', 'planned'],
].map(([k, v]) => [normalizeTerm(k!), v as MitigationStatus]));

/**
 * OTM threats and mitigations (docs/interop.md, "OTM threats"): each threat definition with the
 * elements whose instances name it as targets; instances in different states become separate tml
 * threats, since a tml threat has one response.
 */
export function importOtmThreats(document: unknown, builder: ModelBuilder): void {
    const instances = collectInstances(document, builder);
    importMitigations(document, instances, builder);
    const definitions = new Set<string>();
    for (const { element: threat, id, title } of identified(arrayField(document, 'threats'), 'threat', builder)) {
        if (!builder.claimKey(OTM_KEYS.threat + id, 'threat', id)) continue;
        definitions.add(id);
        importThreat(threat, id, title, instances.get(id) ?? [], builder);
    }
    for (const id of instances.keys()) {
        if (!definitions.has(id)) builder.warn(`a threat instance names threat '${id}', which the file does not declare; it is skipped`);
    }
}

function importThreat(threat: unknown, id: string, title: string, instances: readonly Instance[], builder: ModelBuilder): void {
    const what = describe('threat', title);
    const attributes = tmlAttributes(field(threat, 'attributes'));
    const writtenByTml = attributes.size > 0;
    const comments = foreignAttributes(threat, what, builder);
    const stride: StrideCategory[] = [];
    const others: string[] = [];
    for (const category of arrayField(threat, 'categories').filter((c): c is string => typeof c === 'string')) {
        const found = strideCategoryOf(category);
        if (found === undefined) others.push(category);
        else if (!stride.includes(found)) stride.push(found);
    }
    if (others.length > 0) comments.push(builder.keep(what, `categories that are not STRIDE: ${others.join(', ')}`));
    const cwes = arrayField(threat, 'cwes').filter((c): c is string => typeof c === 'string');
    const cwe = [...new Set(cwes.flatMap(c => cweNumber(c) ?? []))];
    const unread = cwes.filter(c => cweNumber(c) === undefined);
    if (unread.length > 0) comments.push(builder.keep(what, `CWE entries that are not CWE numbers: ${unread.join(', ')}`));
    const capec = parseNumberList(attributes.get(TML_ATTRIBUTE.capec));
    const rule = attributes.get(TML_ATTRIBUTE.rule);
    // Rules are not exported: a rule of the exported workspace would not resolve in the imported model.
    if (rule !== undefined && !isBuiltinRuleName(rule)) comments.push(builder.keep(what, `answers rule ${rule}, which is not a built-in rule`));
    const tags = arrayField(threat, 'tags').filter((t): t is string => typeof t === 'string');
    if (tags.length > 0) comments.push(builder.keep(what, `tags: ${tags.join(', ')}`));
    const risk = field(threat, 'risk');
    if (risk !== undefined && !writtenByTml) {
        const parts = ['likelihood', 'likelihoodComment', 'impact', 'impactComment'].flatMap(k => (textField(risk, k) !== undefined ? [`${k} ${textField(risk, k)!}`] : []));
        if (parts.length > 0) comments.push(builder.keep(what, `OTM risk (not DREAD): ${parts.join(', ')}`));
    }
    const response = attributes.get(TML_ATTRIBUTE.response);
    const stated = response !== undefined && Object.hasOwn(RESPONSE_DECISIONS, response) ? RESPONSE_DECISIONS[response]! : undefined;
    const dread = parseDread(attributes.get(TML_ATTRIBUTE.dread));
    const base = {
        title, stride, comments,
        assets: (attributes.get(TML_ATTRIBUTE.assets) ?? '').split(',').map(a => a.trim()).filter(a => a !== '').map(a => OTM_KEYS.asset + a),
        ...optional('description', stringField(threat, 'description')), ...optional('impact', attributes.get(TML_ATTRIBUTE.impact)),
        ...optional('bug', attributes.get(TML_ATTRIBUTE.bug)), ...(dread !== undefined ? { dread } : {}),
        ...(cwe.length > 0 ? { cwe } : {}), ...(capec.length > 0 ? { capec } : {}), ...(rule !== undefined && isBuiltinRuleName(rule) ? { rule } : {}),
    };
    const groups = groupInstances(instances, stated);
    const order = (attributes.get(TML_ATTRIBUTE.targets) ?? '').split(',').map(t => t.trim());
    const rank = (key: string): number => {
        const index = order.indexOf(key.slice(key.indexOf(':') + 1));
        return index < 0 ? order.length : index;
    };
    // tml's own export says in which order the targets were written; instances come component by component.
    for (const group of groups) group.targets.sort((a, b) => rank(a) - rank(b));
    const named = attributes.get(TML_ATTRIBUTE.mitigatedBy)?.split(',').map(m => m.trim()).filter(m => m !== '').map(m => OTM_KEYS.mitigation + m);
    groups.forEach((group, index) => {
        const key = index === 0 ? OTM_KEYS.threat + id : `${OTM_KEYS.threat}${id}\u0000${index + 1}`;
        const text = attributes.get(TML_ATTRIBUTE.justification) ?? attributes.get(TML_ATTRIBUTE.warning) ?? attributes.get(TML_ATTRIBUTE.reason);
        const outcome = decide(group.decision, { key, title, stride, targets: group.targets, mitigations: named ?? group.mitigations, makeMitigation: !writtenByTml, ...optional('text', text) }, 'the OTM file');
        builder.addDecided({ ...base, key, targets: group.targets, ...(index === 0 ? optional('name', attributes.get(TML_ATTRIBUTE.name)) : {}) }, outcome, what);
    });
}

/** Instances with the same decision and mitigations make one tml threat; a threat with no instance still is one. */
function groupInstances(instances: readonly Instance[], stated: ThreatDecision | undefined): { decision: ThreatDecision; targets: string[]; mitigations: readonly string[] }[] {
    const groups = new Map<string, { decision: ThreatDecision; targets: string[]; mitigations: readonly string[] }>();
    for (const instance of instances) {
        const decision = stated ?? instance.decision;
        const id = `${decision}\u0000${instance.mitigations.join('\u0000')}`;
        const group = groups.get(id) ?? { decision, targets: [], mitigations: instance.mitigations };
        groups.set(id, group);
        if (!group.targets.includes(instance.target)) group.targets.push(instance.target);
    }
    return groups.size > 0 ? [...groups.values()] : [{ decision: stated ?? 'open', targets: [], mitigations: [] }];
}

/** Threat id → its instances on the imported components and dataflows. */
function collectInstances(document: unknown, builder: ModelBuilder): Map<string, Instance[]> {
    const instances = new Map<string, Instance[]>();
    const elements = [
        ...arrayField(document, 'components').map(c => [OTM_KEYS.component, c] as const),
        ...arrayField(document, 'dataflows').map(f => [OTM_KEYS.flow, f] as const),
    ];
    for (const [prefix, element] of elements) {
        const target = prefix + (textField(element, 'id') ?? '');
        if (!builder.has(target)) continue;
        for (const instance of arrayField(element, 'threats')) {
            const threat = textField(instance, 'threat');
            if (threat === undefined) continue;
            const state = textField(instance, 'state') ?? '';
            let decision = threatDecisionOf(state);
            if (decision === undefined) {
                builder.warn(`threat '${threat}' on ${describe(prefix === OTM_KEYS.flow ? 'dataflow' : 'component', stringField(element, 'name') ?? target)} has state '${state}', which tml does not know; it is imported as open`);
                decision = 'open';
            }
            const mitigations = arrayField(instance, 'mitigations').flatMap(m => {
                const mitigation = textField(m, 'mitigation');
                return mitigation === undefined ? [] : [mitigation];
            });
            const list = instances.get(threat) ?? [];
            instances.set(threat, list);
            list.push({ target, decision, mitigations: mitigations.map(m => OTM_KEYS.mitigation + m) });
        }
    }
    return instances;
}

function importMitigations(document: unknown, instances: ReadonlyMap<string, Instance[]>, builder: ModelBuilder): void {
    const instanceStates = new Map<string, string>();
    for (const element of [...arrayField(document, 'components'), ...arrayField(document, 'dataflows')]) {
        for (const instance of arrayField(element, 'threats')) {
            for (const m of arrayField(instance, 'mitigations')) {
                const id = textField(m, 'mitigation');
                const state = textField(m, 'state');
                if (id !== undefined && state !== undefined && !instanceStates.has(id)) instanceStates.set(id, state);
            }
        }
    }
    const used = new Set([...instances.values()].flatMap(list => list.flatMap(i => i.mitigations)));
    for (const { element: mitigation, id, title } of identified(arrayField(document, 'mitigations'), 'mitigation', builder)) {
        if (!builder.claimKey(OTM_KEYS.mitigation + id, 'mitigation', id)) continue;
        const what = describe('mitigation', title);
        const attributes = tmlAttributes(field(mitigation, 'attributes'));
        const comments = foreignAttributes(mitigation, what, builder);
        const reduction = textField(mitigation, 'riskReduction');
        if (reduction !== undefined && !attributes.has(TML_ATTRIBUTE.name)) comments.push(builder.keep(what, `OTM risk reduction ${reduction}`));
        const stated = attributes.get(TML_ATTRIBUTE.status);
        const fromInstance = MITIGATION_STATUSES.get(normalizeTerm(instanceStates.get(id) ?? ''));
        const status = stated === 'planned' || stated === 'implemented' || stated === 'verified' ? stated : attributes.has(TML_ATTRIBUTE.name) ? undefined : fromInstance;
        if (!used.has(OTM_KEYS.mitigation + id) && !attributes.has(TML_ATTRIBUTE.name)) comments.push(builder.keep(what, 'no threat instance names this mitigation'));
        builder.mitigations.push({
            key: OTM_KEYS.mitigation + id, title, comments,
            ...optional('name', attributes.get(TML_ATTRIBUTE.name)), ...optional('description', stringField(mitigation, 'description')),
            ...(status !== undefined ? { status } : {}), ...optional('technique', attributes.get(TML_ATTRIBUTE.technique)),
            ...optional('implementedIn', attributes.get(TML_ATTRIBUTE.implementedIn)), ...optional('verifiedBy', attributes.get(TML_ATTRIBUTE.verifiedBy)),
        });
    }
}

const DREAD_FACTOR_NAMES = ['damage', 'reproducibility', 'exploitability', 'affectedUsers', 'discoverability'] as const;

/** `damage 8, exploitability 5` → `{ damage: 8, exploitability: 5 }`; `''` → an empty block; undefined → none. */
function parseDread(text: string | undefined): ImportedDread | undefined {
    if (text === undefined) return undefined;
    const dread: Record<string, number> = {};
    for (const part of text.split(',')) {
        const match = /^\s*(\w+)\s+(-?\d{1,9})\s*$/.exec(part);
        if (match && (DREAD_FACTOR_NAMES as readonly string[]).includes(match[1]!)) dread[match[1]!] = Number(match[2]);
    }
    return dread;
}
