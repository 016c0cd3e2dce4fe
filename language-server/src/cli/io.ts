/** The outside world as the CLI sees it; tests pass their own to capture output. */
export interface CliIo {
    /** The directory relative paths are resolved against and findings are shown relative to. */
    readonly cwd: string;
    readonly stdout: (text: string) => void;
    readonly stderr: (text: string) => void;
}
