/**
 * The optional attributes (docs/language.md#optional-attributes) as the outputs show them: one wording, shared by the
 * hover, the DFD tooltips, the report and the threat table, so they cannot describe a fact
 * differently. Only what the model states is described; an attribute not written is left out.
 */
import type { Asset, DfdElement } from '../generated/ast.js';
import { displayText } from './visible-text.js';
import { enclosingBoundaries } from './boundaries.js';

/** "CWE-352, CWE-79, CAPEC-62": catalogue references as written, CWE first; empty when there are none. */
export function weaknessReferences(cwe: readonly number[], capec: readonly number[]): string {
    return [...cwe.map(id => `CWE-${id}`), ...capec.map(id => `CAPEC-${id}`)].join(', ');
}

/** `"public", "pci"`: tags as written in the model (quoted, invisible characters made visible). */
export function tagList(tags: readonly string[]): string {
    return tags.map(tag => `"${displayText(tag)}"`).join(', ');
}

/** "CardData (secret, payment)": an asset with the classification and type it states. */
export function describeAsset(asset: Asset): string {
    const stated: string[] = [];
    if (asset.classification !== undefined) stated.push(asset.classification);
    if (asset.type !== undefined) stated.push(asset.type);
    const name = displayText(asset.name);
    return stated.length === 0 ? name : `${name} (${stated.join(', ')})`;
}

/**
 * What the model states about an element beyond the STRIDE basics, one phrase each, in a fixed
 * order: `type service`, `privileged`, `encrypted at rest`, `bidirectional`, `carries CardData
 * (secret, payment)`, `trust untrusted` (of the innermost boundary), `tags "public", "pci"`.
 * Facts other outputs already show (technology, entrypoint, logs, a flow's protocol and protections) are not repeated.
 */
export function statedFacts(element: DfdElement): string[] {
    const facts: string[] = [];
    switch (element.$type) {
        case 'External':
            if (element.type !== undefined) facts.push(`type ${element.type}`);
            break;
        case 'Process':
            if (element.privileged) facts.push('privileged');
            break;
        case 'Datastore':
            if (element.encrypted) facts.push('encrypted at rest');
            break;
        case 'Flow': {
            if (element.bidirectional) facts.push('bidirectional');
            const classified = element.carries.flatMap(ref => {
                const asset = ref.ref;
                return asset && (asset.classification !== undefined || asset.type !== undefined) ? [describeAsset(asset)] : [];
            });
            if (classified.length > 0) facts.push(`carries ${classified.join(', ')}`);
            break;
        }
    }
    const trust = element.$type === 'Flow' ? undefined : enclosingBoundaries(element)[0]?.trust;
    if (trust !== undefined) facts.push(`trust ${trust}`);
    if (element.tags.length > 0) facts.push(`tags ${tagList(element.tags)}`);
    return facts;
}
