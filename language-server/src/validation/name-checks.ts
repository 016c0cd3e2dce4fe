import type { ValidationAcceptor } from 'langium';
import type { Declaration, System } from '../generated/ast.js';
import type { ThreatModelWorkspaceIndex } from '../workspace/model-index.js';
import { IssueCodes } from './issue-codes.js';
import { diagnose } from './diagnose.js';
import { quote } from './quote.js';

/** `tm/duplicate-name`: identifiers are unique across the `.tm` files of one model (docs/language.md#models-in-a-workspace), where references resolve. */
export function checkUniqueName(declaration: Declaration, accept: ValidationAcceptor, index: ThreatModelWorkspaceIndex): void {
    if (!('name' in declaration) || !declaration.name) return;
    const count = index.declarationCount(declaration.name, declaration);
    if (count < 2) return;
    diagnose(accept, IssueCodes.DuplicateName,
        `The name ${quote(declaration.name)} is declared ${count} times in the model. Rename all but one: names must be unique across the .tm files of a model.`,
        { node: declaration, property: 'name' });
}

/**
 * `tm/system-duplicate`: a model root holds one `system` (docs/language.md#models-in-a-workspace); every one after the first
 * (files by URI) is reported, naming the first.
 */
export function checkSingleSystem(system: System, accept: ValidationAcceptor, index: ThreatModelWorkspaceIndex): void {
    const systems = index.systems(system);
    const first = systems[0];
    if (!first || first === system || !systems.includes(system)) return;
    diagnose(accept, IssueCodes.SystemDuplicate,
        `This folder's model already has system ${quote(first.name)}; one model has one system. ` +
        'Move this file into a folder of its own to make it a separate model, or remove this system.',
        { node: system, property: 'name' });
}
