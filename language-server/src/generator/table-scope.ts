import type { DfdElement, Model, System, Threat } from '../generated/ast.js';
import { isBoundary, isDfdElement, isSystem, isThreat } from '../generated/ast.js';
import type { CoverageIndex } from '../model/coverage.js';
import type { ThreatTableInput } from './table-builder.js';

/** One model file of the workspace. */
export interface ModelFile {
    /** As the user refers to it: relative to the current directory or workspace folder. */
    readonly path: string;
    readonly model: Model;
}

/**
 * Every DFD element of a model, in the order they are declared (boundary members in place). The
 * grammar puts them only among the declarations and boundaries' members, so only those are
 * walked, not every node of the model (threats, their trees, rules…).
 */
export function elementsOf(model: Model): DfdElement[] {
    const elements: DfdElement[] = [];
    const visit = (member: Model['declarations'][number]): void => {
        if (isDfdElement(member)) elements.push(member);
        else if (isBoundary(member)) member.members.forEach(visit);
    };
    model.declarations.forEach(visit);
    return elements;
}

export function threatsOf(model: Model): Threat[] {
    return model.declarations.filter(isThreat);
}

export function systemsOf(model: Model): System[] {
    return model.declarations.filter(isSystem);
}

/** The whole workspace: every file, in the order given. */
export function workspaceTableInput(files: readonly ModelFile[], coverage: CoverageIndex): ThreatTableInput {
    return {
        systems: files.flatMap(f => systemsOf(f.model)),
        threats: files.flatMap(f => threatsOf(f.model)),
        elements: files.flatMap(f => elementsOf(f.model)),
        coverage,
        files: files.map(f => f.path),
    };
}

/**
 * Some files of the workspace (one file, or a folder's). Models are often split into a DFD file
 * and a threats file, so the scope of some files is what they declare and what that touches:
 * their threats and the threats of other files that target their elements; their elements and the
 * elements their threats target. Coverage is always the workspace's, since a threat anywhere
 * addresses an element.
 */
export function scopedTableInput(selected: readonly ModelFile[], workspace: readonly ModelFile[], coverage: CoverageIndex): ThreatTableInput {
    const ownElements = new Set(selected.flatMap(f => elementsOf(f.model)));
    const ownThreats = new Set(selected.flatMap(f => threatsOf(f.model)));
    const threats = workspace
        .flatMap(f => threatsOf(f.model))
        .filter(t => ownThreats.has(t) || t.targets.some(ref => ref.ref !== undefined && ownElements.has(ref.ref)));
    const targeted = new Set([...ownThreats].flatMap(t => t.targets.map(ref => ref.ref)));
    const elements = workspace
        .flatMap(f => elementsOf(f.model))
        .filter(e => ownElements.has(e) || targeted.has(e));
    const ownSystems = selected.flatMap(f => systemsOf(f.model));
    return {
        systems: ownSystems.length > 0 ? ownSystems : workspace.flatMap(f => systemsOf(f.model)),
        threats,
        elements,
        coverage,
        files: selected.map(f => f.path),
    };
}
