/**
 * Node's default number of helper threads for V8 (`--v8-pool-size`): the optimizing compiler and
 * the garbage collector's parallel and concurrent work run on them.
 */
const NODE_DEFAULT_POOL_SIZE = 4;

/**
 * The Node flags the language server is started with on a machine with `cores` cores (the
 * extension, and the tests and benchmarks that start it as the extension does).
 *
 * V8 keeps four helper threads whatever the machine. On two cores they outnumber the cores: while
 * a large file is parsed and checked, the compiler and the collector's helpers took the core of
 * the thread that answers the editor for about a third of the time (measured from
 * `/proc/<pid>/task/<pid>/schedstat`), and its first findings came that much later
 * (docs/performance.md#helper-threads). So the server keeps one helper per core besides its own,
 * up to Node's default: one on two cores, three on four, the default from five cores on.
 */
export function languageServerNodeFlags(cores: number): string[] {
    const pool = Math.max(1, Math.floor(cores) - 1);
    return pool < NODE_DEFAULT_POOL_SIZE ? [`--v8-pool-size=${pool}`] : [];
}
