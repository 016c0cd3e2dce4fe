import { NodeFileSystem } from 'langium/node';
import type { ThreatModelContext } from './threat-model-module.js';
import { NodeSourceFiles } from './workspace/node-source-files.js';

/** What the language server and the CLI run on: the local file system, for models and for the files they link to. */
export const NodeThreatModelContext: ThreatModelContext = { ...NodeFileSystem, sourceFiles: new NodeSourceFiles() };
