import { STRIDE_CATEGORIES } from '../model/stride.js';

/** The file a new model is written to (`tml init`, "Threat Model: New Threat Model…"). */
export const STARTER_MODEL_FILE = 'threat-model.tm';

/** The names the starter model declares besides the system's. */
const STARTER_NAMES = ['TlsEverywhere', 'IdentityProvider', 'UserData', 'User', 'Backend', 'App', 'Request', 'MainUse'] as const;
type StarterName = (typeof STARTER_NAMES)[number];

/**
 * The identifier of the system called `title`: its letters and digits in PascalCase
 * ("online store" → `OnlineStore`), `System` added when that is no identifier (empty, a leading
 * digit), a STRIDE category (a keyword) or a name the starter model uses itself.
 */
export function systemIdentifier(title: string): string {
    const words = title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').split(/[^A-Za-z0-9]+/).filter(Boolean);
    const name = words.map(word => word[0]!.toUpperCase() + word.slice(1)).join('');
    const taken = (STRIDE_CATEGORIES as readonly string[]).includes(name) || (STARTER_NAMES as readonly string[]).includes(name);
    if (name === '' || /^[0-9]/.test(name)) return `System${name}`;
    return taken ? `${name}System` : name;
}

/** `name`, or `name2`, `name3`… : the first that `taken` does not hold. */
function freeName(name: string, taken: ReadonlySet<string>): string {
    let candidate = name;
    for (let n = 2; taken.has(candidate); n++) candidate = `${name}${n}`;
    return candidate;
}

/** `text` as a one-line tml string literal. */
function quoted(text: string): string {
    return `"${text.replace(/[\r\n]+/g, ' ').replace(/[\\"]/g, c => `\\${c}`)}"`;
}

/**
 * A first threat model of the system called `title`: the background of step 1 of the TMA process
 * (the system, an assumption, a dependency, an asset), one trust boundary, a flow into it and the
 * scenario it belongs to. It has no error: what tml reports on it (the STRIDE categories no threat
 * covers yet) is the work to do next. Names are global in a workspace, so each of its names that
 * `taken` (the names the workspace declares already) holds gets a number: `Backend2`.
 */
export function starterModel(title: string, taken: ReadonlySet<string> = new Set()): string {
    const name = freeName(systemIdentifier(title), taken);
    const shown = title.trim() === '' ? name : title.trim();
    const takenOrSystem = new Set([...taken, name]);
    const n = Object.fromEntries(STARTER_NAMES.map(starter => [starter, freeName(starter, takenOrSystem)])) as Record<StarterName, string>;
    return `// The threat model of ${shown.replace(/[\r\n]+/g, ' ')}. Replace what is here with your system; tml says what is still open.
system ${name} ${quoted(shown)} {
    description "What the system does, and for whom."
    owner "The team that keeps this model up to date"
    deployment "Where it runs, and what stands between it and the internet."
}

assumption ${n.TlsEverywhere} "Every connection from outside the backend uses TLS."
dependency ${n.IdentityProvider} "Users sign in through the company's identity provider."

asset ${n.UserData} "The users' personal data"

external ${n.User} "A user's browser"

boundary ${n.Backend} "Backend network" {
    process ${n.App} ${quoted(`${shown} application`)} {
        technology "Describe the technology"
        entrypoint
    }
}

flow ${n.Request}: ${n.User} -> ${n.App} "Sends a request" {
    protocol "HTTPS"
    encrypted
    authenticated
    carries ${n.UserData}
}

scenario ${n.MainUse} ${quoted(`A user works with ${shown}`)} {
    flows ${n.Request}
}
`;
}
