/**
 * Synthetic but realistic threat models for the benchmark. The model is made of "units" of ten DFD
 * elements (one external, three processes, two data stores, four flows) in a trust boundary, with
 * the threats, excludes and mitigations a team would write for them. Units are spread over several
 * files, and each unit's threats live in the next file, so linking crosses files the way it does in
 * a real workspace (elements in `dfd.tm`, threats in `threats.tm`).
 */

/** DFD elements per unit: 1 external + 3 processes + 2 datastores + 4 flows. */
export const ELEMENTS_PER_UNIT = 10;

export interface SyntheticModel {
    /** File name → text. */
    readonly files: Record<string, string>;
    readonly elements: number;
    readonly threats: number;
    readonly lines: number;
    readonly bytes: number;
}

/** A model with `elements` DFD elements (rounded up to whole units) spread over `fileCount` files. */
export function generateModel(elements: number, fileCount: number): SyntheticModel {
    const units = Math.ceil(elements / ELEMENTS_PER_UNIT);
    const fileOf = (unit: number): number => fileOfUnit(unit, units, fileCount);
    const dfd: string[][] = Array.from({ length: fileCount }, () => []);
    const threats: string[][] = Array.from({ length: fileCount }, () => []);
    for (let u = 0; u < units; u++) {
        const file = fileOf(u);
        dfd[file]!.push(unitDfd(u, units));
        threats[(file + 1) % fileCount]!.push(unitThreats(u));
    }
    const files: Record<string, string> = {};
    for (let f = 0; f < fileCount; f++) {
        // Each file's units sit in one outer boundary, so boundaries nest two deep.
        const [zones, rest] = splitBoundaries(dfd[f]!);
        files[`part-${String(f).padStart(2, '0')}.tm`] =
            `// Synthetic model, part ${f}\nboundary Region${f} "Region ${f}" {\n${zones.join('')}}\n\n${rest.join('')}${threats[f]!.join('')}`;
    }
    const text = Object.values(files).join('');
    return {
        files,
        elements: units * ELEMENTS_PER_UNIT,
        threats: units * 3,
        lines: text.split('\n').length,
        bytes: Buffer.byteLength(text),
    };
}

/** The file (0-based) unit number `unit` of `units` is declared in: files hold consecutive units. */
export function fileOfUnit(unit: number, units: number, fileCount: number): number {
    return Math.floor((unit * fileCount) / units);
}

const SEPARATOR = '\u0000';

function splitBoundaries(units: readonly string[]): [string[], string[]] {
    const zones: string[] = [];
    const rest: string[] = [];
    for (const unit of units) {
        const [zone, other] = unit.split(SEPARATOR);
        zones.push(zone!);
        rest.push(other!);
    }
    return [zones, rest];
}

/** The unit's boundary (nested into its file's region), then its assets and flows. */
function unitDfd(u: number, units: number): string {
    // The last flow of each unit calls the previous unit's auth service, often in another file.
    const previous = (u + units - 1) % units;
    const zone =
        `    boundary Zone${u} "Zone ${u}" {\n` +
        `        external User${u} "Customer browser ${u}" { description "Anonymous or signed-in user." }\n` +
        `        process Web${u} "Web front end ${u}" {\n            technology "Node.js 20"\n            entrypoint\n        }\n` +
        `        process Worker${u} "Order worker ${u}" { technology "Go" }\n` +
        `        process Auth${u} "Auth service ${u}"\n` +
        `        datastore Db${u} "Orders DB ${u}" {\n            logs\n            stores Orders${u}\n        }\n` +
        `        datastore Cache${u} "Session cache ${u}" { technology "Redis" }\n` +
        `    }\n`;
    // Comments are hidden tokens that the parser places into the syntax tree: exercise that too.
    const rest =
        `// Zone ${u}: order intake\n` +
        `asset Orders${u} "Order rows of zone ${u}"\n` +
        `flow Req${u}: User${u} -> Web${u} "Submit request" {\n    protocol "HTTPS"\n    encrypted\n    authenticated\n    carries Orders${u}\n}\n` +
        `flow Job${u}: Web${u} -> Worker${u} "Enqueue job" { protocol "AMQP" }\n` +
        `flow Save${u}: Worker${u} -> Db${u} "Insert row" { protocol "PostgreSQL" carries Orders${u} }\n` +
        `flow Check${u}: Web${u} -> Auth${previous} "Check session"\n\n`;
    return `${zone}${SEPARATOR}${rest}`;
}

/** Three threats (one addressed by a fix, one accepted, one without response), two excludes, a mitigation. */
function unitThreats(u: number): string {
    const d = (n: number): number => (u * 7 + n) % 11;
    return (
        `// Threats of zone ${u}\n` +
        `threat Spoof${u} "Stolen session replayed in zone ${u}" {\n` +
        `    stride Spoofing, Repudiation\n    targets User${u}, Web${u}\n    assets Orders${u}\n` +
        `    description "Cookie stolen through XSS."\n` +
        `    tree {\n        or "Steal the cookie" {\n            leaf "XSS"\n            and "Sniff" { leaf "Open Wi-Fi" leaf "No HSTS" }\n        }\n    }\n` +
        `    dread { damage ${d(1)} reproducibility ${d(2)} exploitability ${d(3)} affectedUsers ${d(4)} discoverability ${d(5)} }\n` +
        `    response fix\n    mitigatedBy Cookies${u}\n    bug "SEC-${u}"\n}\n` +
        `threat Tamper${u} "Rows altered in zone ${u}" {\n` +
        `    stride Tampering, InformationDisclosure, DenialOfService\n    targets Save${u}, Db${u}\n` +
        `    dread { damage ${d(6)} reproducibility 2 exploitability 2 affectedUsers 5 discoverability 2 }\n` +
        `    response accept\n    justification "Only the worker's DB role can write."\n}\n` +
        `threat Crash${u} "Worker ${u} exhausted" {\n    stride DenialOfService, ElevationOfPrivilege\n    targets Worker${u}, Job${u}\n}\n` +
        `mitigation Cookies${u} "HttpOnly, Secure, SameSite cookies" {\n    technique "Authentication"\n    status implemented\n}\n` +
        `exclude Tampering on Req${u}, Check${u} "TLS everywhere."\n` +
        `exclude InformationDisclosure on Cache${u} "Holds no personal data."\n\n`
    );
}
