/**
 * Links from a threat's `bug "SEC-142"` to the bug tracker: the template of the setting
 * `threatModel.bugUrl` and of the CLI's `--bug-url`, such as `https://tracker.example/browse/{bug}`.
 */

/** Where the bug id goes in a template. */
export const BUG_PLACEHOLDER = '{bug}';

/** A template that {@link parseBugUrlTemplate} accepted: an http(s) URL with {@link BUG_PLACEHOLDER}. */
export interface BugUrlTemplate {
    readonly template: string;
}

/** An example of a template, for messages and documentation. */
export const BUG_URL_EXAMPLE = 'https://tracker.example/browse/{bug}';

/**
 * The template, or why it is refused: only an `http:` or `https:` URL with a host and `{bug}` in
 * it is accepted, so a model's bug id can never become a `javascript:`, `data:` or `file:` link.
 */
export function parseBugUrlTemplate(text: string): BugUrlTemplate | { readonly error: string } {
    const template = text.trim();
    if (!template.includes(BUG_PLACEHOLDER)) return { error: `it has no ${BUG_PLACEHOLDER} where the bug id goes` };
    const url = parseUrl(fill(template, 'SEC-1'));
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') {
        return { error: 'it is not an http or https URL' };
    }
    return { template };
}

/** "the bug URL template 'x' is refused: it is not an http or https URL. Write it like https://…/{bug}." */
export function bugUrlTemplateProblem(text: string, reason: string): string {
    return `the bug URL template '${text}' is refused: ${reason}. Write it like ${BUG_URL_EXAMPLE}`;
}

/**
 * The link to `bug` (the text of `bug "…"`, trimmed): the template with `{bug}` replaced by the id
 * percent-encoded, every character but letters, digits and `-_.~` (so `"`, `<`, `)`, `]`, spaces
 * and bidi controls cannot end or change the link in any output). Undefined for an empty id.
 */
export function bugUrl(template: BugUrlTemplate, bug: string | undefined): string | undefined {
    const id = bug?.trim() ?? '';
    if (id === '') return undefined;
    return parseUrl(fill(template.template, encodeBugId(id)))?.href;
}

/** encodeURIComponent, and also `!'()*`, which it leaves as they are (RFC 3986 unreserved characters only). */
export function encodeBugId(id: string): string {
    return encodeURIComponent(id).replace(/[!'()*]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function fill(template: string, value: string): string {
    return template.split(BUG_PLACEHOLDER).join(value);
}

/**
 * The WHATWG URL parser, a global in Node and in browsers alike; this folder is compiled with
 * neither's types (tsconfig.json), so it names the part it uses.
 */
declare const URL: new (text: string) => ParsedUrl;

interface ParsedUrl {
    readonly protocol: string;
    readonly hostname: string;
    readonly href: string;
}

function parseUrl(text: string): ParsedUrl | undefined {
    try {
        return new URL(text);
    } catch {
        return undefined;
    }
}
