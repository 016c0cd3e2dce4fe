import type { FileSystemNode, FileSystemProvider, URI } from 'langium';
import { EmptyFileSystemProvider } from 'langium';

/**
 * Files held in memory, so that the benchmark can edit a file and let the DocumentBuilder re-read
 * it the way the language server does after a `didChange`.
 */
export class MemoryFileSystemProvider implements FileSystemProvider {
    private readonly texts = new Map<string, string>();
    private readonly empty = new EmptyFileSystemProvider();

    write(uri: URI, text: string): void {
        this.texts.set(uri.toString(), text);
    }

    readFileSync(uri: URI): string {
        const text = this.texts.get(uri.toString());
        if (text === undefined) throw new Error(`No such file in memory: ${uri.toString()}`);
        return text;
    }

    async readFile(uri: URI): Promise<string> {
        return this.readFileSync(uri);
    }

    statSync(uri: URI): FileSystemNode {
        return { isFile: this.texts.has(uri.toString()), isDirectory: false, uri };
    }

    async stat(uri: URI): Promise<FileSystemNode> {
        return this.statSync(uri);
    }

    existsSync(uri: URI): boolean {
        return this.texts.has(uri.toString());
    }

    async exists(uri: URI): Promise<boolean> {
        return this.existsSync(uri);
    }

    readBinarySync(uri: URI): Uint8Array {
        return new TextEncoder().encode(this.readFileSync(uri));
    }

    async readBinary(uri: URI): Promise<Uint8Array> {
        return this.readBinarySync(uri);
    }

    readDirectorySync(): FileSystemNode[] {
        return this.empty.readDirectorySync();
    }

    async readDirectory(): Promise<FileSystemNode[]> {
        return this.empty.readDirectory();
    }
}
