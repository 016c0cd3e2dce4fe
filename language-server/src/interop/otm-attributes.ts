import { arrayField, field, scalarEntries, stringField, textField } from './json-input.js';
import type { ModelBuilder } from './model-builder.js';

/**
 * The OTM `attributes` that carry what tml knows and OTM has no field for (docs/interop.md: "tml-only
 * facts as attributes prefixed `tml.`"). Export writes them; import reads them back, which is what
 * makes `tml export --format otm | tml import` give the same model.
 */
export const TML_ATTRIBUTE = {
    /** The tml name of any declaration. */
    name: 'tml.name',
    /** `external`, `process` or `datastore`, on components. */
    kind: 'tml.kind',
    technology: 'tml.technology',
    entrypoint: 'tml.entrypoint',
    logs: 'tml.logs',
    protocol: 'tml.protocol',
    encrypted: 'tml.encrypted',
    authenticated: 'tml.authenticated',
    /** `fix`, `accept`, `warn` or `remove`, on threats. */
    response: 'tml.response',
    justification: 'tml.justification',
    warning: 'tml.warning',
    impact: 'tml.impact',
    bug: 'tml.bug',
    /** The threat's `dread { }` block as `damage 8, exploitability 5` (empty: a block with no factor). */
    dread: 'tml.dread',
    /** A threat's mitigations, comma-separated: kept even when the threat targets nothing (then it has no instance to name them). */
    mitigatedBy: 'tml.mitigatedBy',
    /** On the project: the model declares no `system` (the project's name is made up). */
    noSystem: 'tml.noSystem',
    /** The names of a threat's or exclude's targets, comma-separated, in the model's order. */
    targets: 'tml.targets',
    /** The threat's asset names, comma-separated. */
    assets: 'tml.assets',
    /** An exclude's reason, on the OTM threat that stands for it. */
    reason: 'tml.reason',
    status: 'tml.status',
    technique: 'tml.technique',
    implementedIn: 'tml.implementedIn',
    verifiedBy: 'tml.verifiedBy',
    owner: 'tml.owner',
    deployment: 'tml.deployment',
    /** On trust zones: `unknown` when the boundary has no `trust` (the `trustRating` is then a placeholder). */
    trust: 'tml.trust',
    /** On assets: `unknown` when the asset has no `classification` (the risk figures are then placeholders). */
    classification: 'tml.classification',
    /** A trust zone's tags (OTM gives tags to components and dataflows only), as a JSON array. */
    tags: 'tml.tags',
    /** An external's or an asset's `type`. */
    type: 'tml.type',
    privileged: 'tml.privileged',
    /** A threat's CAPEC numbers, comma-separated. */
    capec: 'tml.capec',
    /** The name of the rule a threat answers (`rule R`). */
    rule: 'tml.rule',
} as const;

/** What `tml.trust` and `tml.classification` say when the fact is not set. */
export const UNKNOWN_FACT = 'unknown';

/** The trust zone that holds components outside every tml boundary: OTM requires each component to have a parent. */
export const OUTSIDE_ZONE_ID = 'tml-outside-boundaries';
/** Marks {@link OUTSIDE_ZONE_ID} so that import does not make a boundary of it. */
export const OUTSIDE_ATTRIBUTE = 'tml.outside';

/** The `tml.` entries of an OTM `attributes` object. */
export function tmlAttributes(attributes: unknown): Map<string, string> {
    return new Map(scalarEntries(attributes).filter(([key]) => key.startsWith('tml.')));
}

/** Prefixes that keep OTM's id spaces apart: a trust zone and a component may share an id. */
export const OTM_KEYS = { zone: 'zone:', component: 'component:', flow: 'flow:', asset: 'asset:', threat: 'threat:', mitigation: 'mitigation:' } as const;

/** The element's attributes that are not tml's, as comments (and warnings). */
export function foreignAttributes(element: unknown, what: string, builder: ModelBuilder): string[] {
    const foreign = scalarEntries(field(element, 'attributes')).filter(([key]) => !key.startsWith('tml.'));
    return foreign.length === 0 ? [] : [builder.keep(what, `OTM attributes: ${foreign.map(([k, v]) => `${k}=${v}`).join(', ')}`)];
}

/**
 * The entries of an OTM array with their id and title (the name, else the id); an entry without
 * an id is skipped with a warning.
 */
export function* identified(list: readonly unknown[], what: string, builder: ModelBuilder): Generator<{ readonly element: unknown; readonly id: string; readonly title: string }> {
    for (const element of list) {
        const id = textField(element, 'id');
        if (id === undefined) builder.warn(`${/^[aeiou]/.test(what) ? 'an' : 'a'} ${what} without "id" is skipped`);
        else yield { element, id, title: stringField(element, 'name') ?? id };
    }
}

/** The strings of an OTM `tags` array (entries may be null). */
export function otmTags(element: unknown): string[] {
    return arrayField(element, 'tags').filter((t): t is string => typeof t === 'string');
}
