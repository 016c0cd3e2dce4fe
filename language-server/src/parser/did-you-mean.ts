/**
 * Words people write for a keyword of tml, from other tools and from everyday English: "mitigate"
 * for the response `fix`, "severity" for a `dread` rating. Offered only where the keyword they
 * stand for is allowed, so a word here never suggests something the grammar would refuse.
 */
const SYNONYMS: ReadonlyMap<string, readonly string[]> = new Map(Object.entries({
    fix: ['mitigate', 'mitigated', 'mitigation', 'fixed', 'resolve', 'resolved'],
    accept: ['accepted', 'ignore', 'ignored', 'tolerate', 'wontfix'],
    remove: ['avoid', 'eliminate', 'removed', 'delete', 'disable'],
    warn: ['warning', 'inform', 'notify', 'transfer'],
    planned: ['todo', 'open', 'proposed', 'backlog', 'inprogress'],
    implemented: ['done', 'complete', 'completed', 'finished', 'implemented'],
    verified: ['tested', 'checked', 'confirmed'],
    dread: ['severity', 'risk', 'rating', 'score', 'priority', 'likelihood'],
    stride: ['category', 'categories', 'type', 'kind'],
    targets: ['target', 'affects', 'element', 'elements', 'on'],
    assets: ['asset', 'data'],
    mitigatedBy: ['mitigation', 'mitigations', 'mitigatedby', 'mitigated', 'control', 'controls'],
    response: ['resolution', 'state', 'decision'],
    technology: ['tech', 'stack', 'platform'],
    encrypted: ['encryption', 'tls', 'https', 'secure'],
    authenticated: ['authentication', 'auth', 'authn', 'mtls'],
    justification: ['reason', 'rationale', 'why'],
    description: ['desc', 'details', 'summary', 'note', 'notes'],
    carries: ['data', 'payload', 'contains'],
    external: ['actor', 'entity', 'user', 'interactor'],
    process: ['service', 'component', 'app', 'server'],
    datastore: ['database', 'db', 'store', 'storage'],
    bug: ['ticket', 'issue', 'jira'],
}));

/**
 * Optimal string alignment distance: insertions, deletions, substitutions and swaps of two
 * neighbouring characters each count 1 ("Spofing" → "Spoofing" is 1, "reproducability" → "reproducibility" is 1).
 */
export function editDistance(a: string, b: string): number {
    const rows: number[][] = [];
    for (let i = 0; i <= a.length; i++) rows.push([i, ...new Array<number>(b.length).fill(0)]);
    for (let j = 0; j <= b.length; j++) rows[0]![j] = j;
    for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
            rows[i]![j] = best;
        }
    }
    return rows[a.length]![b.length]!;
}

/** Longer words may be further off: 1 edit up to 4 letters, 2 up to 8, then 3. */
function tolerance(word: string): number {
    return word.length <= 4 ? 1 : word.length <= 8 ? 2 : 3;
}

/**
 * The candidate a user most likely meant by `word`, if any: the same word in other letter case or
 * without spaces ("information disclosure" → `InformationDisclosure`), a known synonym
 * ("mitigate" → `fix`), or the nearest candidate by {@link editDistance}, case ignored. Words
 * much shorter than a candidate are not matched (a name `a` is not a typo for `asset`).
 */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
    if (word.length === 0 || word.length > 40) return undefined;
    const folded = word.toLowerCase().replace(/[\s_-]+/g, '');
    const exact = candidates.find(c => c.toLowerCase() === folded);
    if (exact !== undefined && exact !== word) return exact;
    // A Map: candidates are names of the model too, and `__proto__` is a name.
    const synonym = candidates.find(c => SYNONYMS.get(c)?.includes(folded));
    if (synonym !== undefined) return synonym;
    let best: { candidate: string; distance: number } | undefined;
    for (const candidate of candidates) {
        if (candidate === word) continue;
        const distance = editDistance(folded, candidate.toLowerCase());
        if (distance <= tolerance(candidate) && distance < folded.length && (!best || distance < best.distance)) best = { candidate, distance };
    }
    return best?.candidate;
}
