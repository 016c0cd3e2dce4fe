import type {
    ImportedAsset, ImportedBoundary, ImportedDeclaration, ImportedScenario, ImportedExclude, ImportedFlow, ImportedMitigation, ImportedModel, ImportedNode, ImportedSystem, ImportedThreat,
} from './imported-model.js';
import { capText } from '../validation/quote.js';
import type { DecisionOutcome } from './decisions.js';
import { commentText } from './tml-text.js';

/** Collects an importer's declarations and warnings; the importers' one mutable piece. */
export class ModelBuilder {
    readonly assumptions: ImportedDeclaration[] = [];
    readonly dependencies: ImportedDeclaration[] = [];
    readonly scenarios: ImportedScenario[] = [];
    readonly assets: ImportedAsset[] = [];
    readonly boundaries: ImportedBoundary[] = [];
    readonly nodes: ImportedNode[] = [];
    readonly flows: ImportedFlow[] = [];
    readonly threats: ImportedThreat[] = [];
    readonly mitigations: ImportedMitigation[] = [];
    readonly excludes: ImportedExclude[] = [];
    readonly warnings: string[] = [];
    private readonly keys = new Set<string>();

    /**
     * Claims `key` for a declaration; false (and a warning) when the file already declared it:
     * the first declaration wins.
     */
    claimKey(key: string, what: string, id: string): boolean {
        if (this.keys.has(key)) {
            this.warn(`${what} id '${commentText(id)}' is declared more than once; only the first is imported`);
            return false;
        }
        this.keys.add(key);
        return true;
    }

    has(key: string): boolean {
        return this.keys.has(key);
    }

    /** One warning line: line breaks and invisible characters made harmless. */
    warn(message: string): void {
        this.warnings.push(commentText(message));
    }

    /**
     * A fact tml cannot express yet, kept as a comment on the declaration and reported once as a
     * warning: returns the comment text for the declaration's `comments`.
     */
    keep(what: string, fact: string, where: 'comment' | 'description' = 'comment'): string {
        this.warn(`${what}: ${fact} (kept as a ${where === 'comment' ? '// comment' : 'description'})`);
        return fact;
    }

    /**
     * Adds a threat with what its state decided ({@link decide}): the mitigations made for it, and
     * either its excludes (the first carrying the threat's comments) or the threat with its response.
     */
    addDecided(threat: Omit<ImportedThreat, 'response'>, outcome: DecisionOutcome, what: string): void {
        this.mitigations.push(...outcome.mitigations);
        if (outcome.excludes) {
            this.excludes.push(...outcome.excludes.map((exclude, i) => (i === 0 ? { ...exclude, comments: threat.comments } : exclude)));
            return;
        }
        const comments = outcome.unexpressed !== undefined ? [...threat.comments, this.keep(what, outcome.unexpressed)] : threat.comments;
        this.threats.push({ ...threat, comments, ...(outcome.response ? { response: outcome.response } : {}) });
    }

    build(system: ImportedSystem | undefined): ImportedModel {
        return {
            ...(system ? { system } : {}), assumptions: this.assumptions, dependencies: this.dependencies, scenarios: this.scenarios, assets: this.assets, boundaries: this.boundaries, nodes: this.nodes, flows: this.flows,
            threats: this.threats, mitigations: this.mitigations, excludes: this.excludes,
        };
    }
}

/** `process 'Web app'`: how warnings name a declaration (long titles capped). */
export function describe(kind: string, title: string): string {
    return `${kind} '${capText(commentText(title))}'`;
}
