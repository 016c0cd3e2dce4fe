// Which langium-cli output lines `npm run langium:generate` leaves out (scripts/langium-generate.mjs).
//
// langium-cli warns "Found multiple assignments to 'X' with the '=' assignment operator" for every
// clause that a declaration may write more than once although the AST keeps one value (`owner`,
// `response`, `dread`…). tml means it: the grammar accepts the clause twice so that the validator
// can report `tm/clause-duplicate` ("only the last one counts", README "Clauses written twice")
// instead of a syntax error, and language-server/src/validation/clause-checks.ts reads the same
// set off the grammar. Turning them into lists (`+=`) would change the AST for nothing, so these
// warnings, and only these, are dropped. test/unit/langium-warnings.test.ts keeps the list equal
// to singleValuedClauses(grammar): a new multiple assignment nobody meant still shows.

/** Per grammar rule, the properties whose multiple assignment is deliberate (a `tm/clause-duplicate` clause). */
export const DELIBERATE_MULTIPLE_ASSIGNMENTS = {
    System: ['description', 'owner', 'deployment'],
    Asset: ['description', 'classification', 'type'],
    Boundary: ['trust'],
    External: ['description', 'type'],
    Process: ['description', 'technology', 'entrypoint', 'privileged'],
    Datastore: ['description', 'technology', 'logs', 'encrypted'],
    Flow: ['description', 'protocol', 'encrypted', 'authenticated', 'bidirectional'],
    Scenario: ['description'],
    Threat: ['description', 'impact', 'tree', 'dread', 'response', 'warning', 'justification', 'bug', 'rule'],
    Mitigation: ['description', 'technique', 'status', 'implementedIn', 'verifiedBy'],
    Rule: ['on', 'stride', 'when', 'unless', 'description', 'mitigation'],
};

const ANSI_COLOUR = /\u001b\[[0-9;]*m/g;
const MULTIPLE_ASSIGNMENT = /^(.+):(\d+):\d+ - Found multiple assignments to '(\w+)' with the '\??=' assignment operator\. Consider using '\+=' instead to prevent data loss\.$/;
/** A parser rule's first line in the grammar: `Name:`, `entry Name:` or `Name returns Type:`, from column 0. */
const RULE_HEADER = /^(?:entry\s+)?(\w+)(?:\s+returns\s+\w+)?\s*:/;

/**
 * Whether `line` (one line of langium-cli's output) is the multiple-assignment warning for one of
 * {@link DELIBERATE_MULTIPLE_ASSIGNMENTS} in the grammar file `grammarPath` (as langium-cli prints
 * it) whose text is `grammarText`.
 */
export function isDeliberateMultipleAssignment(line, grammarPath, grammarText) {
    const match = MULTIPLE_ASSIGNMENT.exec(line.replace(ANSI_COLOUR, ''));
    if (!match || match[1] !== grammarPath) return false;
    const rule = ruleAtLine(grammarText, Number(match[2]));
    return rule !== undefined && (DELIBERATE_MULTIPLE_ASSIGNMENTS[rule] ?? []).includes(match[3]);
}

/** The name of the grammar rule whose text contains the 1-based `lineNumber`. */
function ruleAtLine(grammarText, lineNumber) {
    const lines = grammarText.split(/\r?\n/).slice(0, lineNumber);
    for (let i = lines.length - 1; i >= 0; i--) {
        const header = RULE_HEADER.exec(lines[i]);
        if (header) return header[1];
    }
    return undefined;
}
