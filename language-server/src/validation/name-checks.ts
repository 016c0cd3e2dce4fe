import type { ValidationAcceptor } from 'langium';
import type { Declaration } from '../generated/ast.js';
import type { ThreatModelWorkspaceIndex } from '../workspace/model-index.js';
import { IssueCodes } from './issue-codes.js';
import { report } from './report.js';
import { quote } from './quote.js';

/** `tm/duplicate-name`: identifiers are unique across every `.tm` file, since references are global. */
export function checkUniqueName(declaration: Declaration, accept: ValidationAcceptor, index: ThreatModelWorkspaceIndex): void {
    if (!('name' in declaration) || !declaration.name) return;
    const count = index.declarationCount(declaration.name);
    if (count < 2) return;
    report(accept, IssueCodes.DuplicateName,
        `The name ${quote(declaration.name)} is declared ${count} times in the model. Rename all but one: names must be unique across every .tm file.`,
        { node: declaration, property: 'name' });
}
