import type { URI } from 'langium';

/**
 * What git says about a model and the files it links to (TMA step 7, keep the model in sync):
 * the last commit that touched the model, and for each linked file how many later commits touched it.
 */
export interface ReviewState {
    /** The full hash of the last commit of the model file. */
    readonly reviewed: string;
    /** Commits after `reviewed` (up to HEAD) that touched each linked file, by `URI.toString()`; files with none are absent. */
    readonly changedSince: ReadonlyMap<string, number>;
}

/** Asks the version control history; never throws. */
export interface GitHistory {
    /**
     * The review state of `model` for the `linked` files, or undefined when the model is not in a
     * git repository, is not committed, or git cannot be run.
     */
    reviewState(model: URI, linked: readonly URI[]): Promise<ReviewState | undefined>;

    /**
     * The commit HEAD points at in the repository that holds `folder`, or undefined (no repository,
     * nothing committed, no git). Cheap: one git run. A review state can only change when it does.
     */
    head(folder: URI): Promise<string | undefined>;
}
