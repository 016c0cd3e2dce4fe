import type { ValidationAcceptor } from 'langium';
import type { Asset, Threat } from '../generated/ast.js';
import { isDatastore, isFlow } from '../generated/ast.js';
import type { ThreatModelWorkspaceIndex } from '../workspace/model-index.js';
import { IssueCodes } from './issue-codes.js';
import { diagnose } from './diagnose.js';
import { listInProse } from '../shared/prose.js';
import { capText, quote } from './quote.js';

/** `tm/asset-unused`: an asset no flow carries and no data store stores is out of the DFD's sight. */
export function checkAssetUsed(asset: Asset, accept: ValidationAcceptor, index: ThreatModelWorkspaceIndex): void {
    if (!asset.name || index.processFacts(asset).usedAssets.has(asset)) return;
    diagnose(accept, IssueCodes.AssetUnused,
        `Asset ${quote(asset.name)} is carried by no flow and stored in no data store. Add 'carries ${capText(asset.name)}' to a flow or 'stores ${capText(asset.name)}' to a data store.`,
        { node: asset, property: 'name' });
}

/**
 * `tm/threat-without-asset`: the threat list names the asset at stake (TMA step 2); when a
 * threat's targets carry or store assets, one of them is what the threat puts at risk.
 */
export function checkThreatNamesAsset(threat: Threat, accept: ValidationAcceptor): void {
    if (!threat.name || threat.assets.length > 0) return;
    const assets = new Set<string>();
    for (const target of threat.targets.map(t => t?.ref)) {
        const held = isFlow(target) ? target.carries : isDatastore(target) ? target.stores : [];
        for (const asset of held) if (asset?.ref?.name) assets.add(asset.ref.name);
    }
    if (assets.size === 0) return;
    const names = [...assets];
    diagnose(accept, IssueCodes.ThreatWithoutAsset,
        `Threat ${quote(threat.name)} names no asset, but its targets hold ${listInProse(names.map(capText))}. Add 'assets …' for what the threat puts at risk.`,
        { node: threat, property: 'name' }, { assets: names });
}
