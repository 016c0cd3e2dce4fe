/**
 * Every process a runner starts is registered here and stopped on the way out: on success, on
 * failure, on an uncaught error and on SIGINT/SIGTERM.
 */
type Cleanup = () => Promise<void> | void;

const cleanups: Cleanup[] = [];
let handlersInstalled = false;

/** Registers a clean-up step; they run in reverse order of registration. */
export function onCleanup(cleanup: Cleanup): void {
    installHandlers();
    cleanups.push(cleanup);
}

export async function runCleanups(): Promise<void> {
    while (cleanups.length > 0) {
        const cleanup = cleanups.pop()!;
        try {
            await cleanup();
        } catch (error) {
            console.error(`clean-up failed: ${error instanceof Error ? error.message : String(error)}`);
        }
    }
}

function installHandlers(): void {
    if (handlersInstalled) return;
    handlersInstalled = true;
    // Exit codes as a shell reports a process killed by the signal: 128 + its number.
    const signals = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 } as const;
    for (const [signal, exitCode] of Object.entries(signals)) {
        process.once(signal, () => {
            console.error(`\n${signal}: stopping everything this run started`);
            void runCleanups().finally(() => process.exit(exitCode));
        });
    }
}

/** Runs a runner's main function: clean-up always, exit code from the result, errors reported. */
export function runMain(main: () => Promise<number>): void {
    void main()
        .catch((error: unknown) => {
            console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
            return 1;
        })
        .then(async code => {
            await runCleanups();
            process.exit(code);
        });
}
