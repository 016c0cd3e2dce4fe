import { NodeFileSystem } from 'langium/node';
import type { ThreatModelContext } from './threat-model-module.js';
import { NodeGitHistory } from './workspace/node-git-history.js';
import { NodeSourceFiles } from './workspace/node-source-files.js';

/** What the CLI runs on: the local file system, for models and for the files they link to. */
export const NodeThreatModelContext: ThreatModelContext = { ...NodeFileSystem, sourceFiles: () => new NodeSourceFiles() };

/** What the language server runs on: {@link NodeThreatModelContext}, and git for tm/implementation-stale. */
export const NodeThreatModelContextWithGit: ThreatModelContext = { ...NodeThreatModelContext, gitHistory: () => new NodeGitHistory() };
