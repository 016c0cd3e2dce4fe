import { STRIDE_CATEGORIES } from './stride.js';

/** The file a new model is written to (`tml init`, "Threat Model: New Threat Model…"). */
export const STARTER_MODEL_FILE = 'threat-model.tm';

/** The names the starter model declares besides the system's. */
const STARTER_NAMES: readonly string[] = ['TlsEverywhere', 'IdentityProvider', 'UserData', 'User', 'Backend', 'App', 'Request', 'MainUse'];

/**
 * The identifier of the system called `title`: its letters and digits in PascalCase
 * ("online store" → `OnlineStore`), `System` added when that is no identifier (empty, a leading
 * digit), a STRIDE category (a keyword) or a name the starter model uses itself.
 */
export function systemIdentifier(title: string): string {
    const name = titleWords(title).map(word => word[0]!.toUpperCase() + word.slice(1)).join('');
    const taken = (STRIDE_CATEGORIES as readonly string[]).includes(name) || STARTER_NAMES.includes(name);
    if (name === '' || /^[0-9]/.test(name)) return `System${name}`;
    return taken ? `${name}System` : name;
}

/** The words of a title, without accents and punctuation: "Café Crème 2" → Cafe, Creme, 2. */
function titleWords(title: string): string[] {
    return title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').split(/[^A-Za-z0-9]+/).filter(Boolean);
}

/**
 * Where a new model of the system called `title` goes, relative to the folder it is made in: that
 * folder's threat-model.tm when it holds no model file yet, else a folder of its own named after the
 * system (`online-shop/threat-model.tm`). A folder with a system is a model of its own (docs/language.md#models-in-a-workspace):
 * the new model neither declares a second system in the existing one nor shares its names.
 */
export function starterModelPath(title: string, folderHasModelFiles: boolean): string {
    if (!folderHasModelFiles) return STARTER_MODEL_FILE;
    const folder = titleWords(title).map(word => word.toLowerCase()).join('-') || 'threat-model';
    return `${folder}/${STARTER_MODEL_FILE}`;
}

/** `text` as a one-line tml string literal. */
function quoted(text: string): string {
    return `"${text.replace(/[\r\n]+/g, ' ').replace(/[\\"]/g, c => `\\${c}`)}"`;
}

/**
 * A first threat model of the system called `title`: the background of step 1 of the TMA process
 * (the system, an assumption, a dependency, an asset), one trust boundary, a flow into it and the
 * scenario it belongs to. It has no error: what tml reports on it (the STRIDE categories no threat
 * covers yet) is the work to do next. Its names are its own: it goes into a model of its own
 * ({@link starterModelPath}).
 */
export function starterModel(title: string): string {
    const name = systemIdentifier(title);
    const shown = title.trim() === '' ? name : title.trim();
    return `// The threat model of ${shown.replace(/[\r\n]+/g, ' ')}. Replace what is here with your system; tml says what is still open.
system ${name} ${quoted(shown)} {
    description "What the system does, and for whom."
    owner "The team that keeps this model up to date"
    deployment "Where it runs, and what stands between it and the internet."
}

assumption TlsEverywhere "Every connection from outside the backend uses TLS."
dependency IdentityProvider "Users sign in through the company's identity provider."

asset UserData "The users' personal data"

external User "A user's browser"

boundary Backend "Backend network" {
    process App ${quoted(`${shown} application`)} {
        technology "Describe the technology"
        entrypoint
    }
}

flow Request: User -> App "Sends a request" {
    protocol "HTTPS"
    encrypted
    authenticated
    carries UserData
}

scenario MainUse ${quoted(`A user works with ${shown}`)} {
    flows Request
}
`;
}
