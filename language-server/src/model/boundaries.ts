import type { AstNode } from 'langium';
import type { Boundary, Flow } from '../generated/ast.js';
import { isBoundary } from '../generated/ast.js';

/** The trust boundaries around a node, innermost first. */
export function enclosingBoundaries(node: AstNode): Boundary[] {
    const result: Boundary[] = [];
    for (let container = node.$container; container; container = container.$container) {
        if (isBoundary(container)) result.push(container);
    }
    return result;
}

/**
 * The trust boundaries a flow crosses: those around exactly one of its two ends. Empty when an end
 * does not resolve, so an unresolved reference (already an error) adds no finding of its own.
 */
export function crossedBoundaries(flow: Flow): Boundary[] {
    const source = flow.source?.ref;
    const target = flow.target?.ref;
    if (!source || !target) return [];
    const around = enclosingBoundaries(source);
    const aroundTarget = enclosingBoundaries(target);
    return [
        ...around.filter(b => !aroundTarget.includes(b)),
        ...aroundTarget.filter(b => !around.includes(b)),
    ];
}
