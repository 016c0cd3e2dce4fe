import { createRequire } from 'node:module';
import type * as Zlib from 'node:zlib';

/**
 * A minimal ZIP writer (PKWARE APPNOTE 6.3: local headers, deflated data, a central directory),
 * enough for an Office Open XML package such as `tml table --format xlsx`. No ZIP64 (every entry
 * and the archive stay far below 4 GB), no encryption, no extra fields; names are UTF-8 (flag bit
 * 11). Every entry carries the same fixed timestamp, 1980-01-01 00:00, so one model always gives
 * the same bytes.
 */
export interface ZipEntry {
    readonly name: string;
    readonly data: Uint8Array;
}

const UTF8_NAMES = 0x0800;
const DEFLATE = 8;
const VERSION = 20;
/** MS-DOS date of 1980-01-01 (year 0 since 1980, month 1, day 1); time 00:00:00 is 0. */
const DOS_DATE = (1 << 5) | 1;

/**
 * Node's zlib, loaded by the first archive: imported at the top, every command of the CLI's bundle
 * loaded it at start-up (docs/performance.md#start-up), and only xlsx writes archives.
 */
function zlib(): typeof Zlib {
    return createRequire(import.meta.url)('node:zlib') as typeof Zlib;
}

export function zipArchive(entries: readonly ZipEntry[]): Uint8Array {
    const { deflateRawSync } = zlib();
    const parts: Buffer[] = [];
    const directory: Buffer[] = [];
    let offset = 0;
    for (const entry of entries) {
        const name = Buffer.from(entry.name, 'utf8');
        const data = deflateRawSync(entry.data, { level: 9 });
        const crc = crc32(entry.data);
        const fields = { crc, compressed: data.length, size: entry.data.length, nameLength: name.length };
        const local = Buffer.alloc(30);
        local.writeUInt32LE(0x04034b50, 0);
        writeEntryFields(local, 4, fields);
        const central = Buffer.alloc(46);
        central.writeUInt32LE(0x02014b50, 0);
        central.writeUInt16LE(VERSION, 4);
        writeEntryFields(central, 6, fields);
        // Extra field, comment, disk number, internal and external attributes: all zero.
        central.writeUInt32LE(offset, 42);
        parts.push(local, name, data);
        directory.push(central, name);
        offset += local.length + name.length + data.length;
    }
    const size = directory.reduce((n, b) => n + b.length, 0);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(entries.length, 8);
    end.writeUInt16LE(entries.length, 10);
    end.writeUInt32LE(size, 12);
    end.writeUInt32LE(offset, 16);
    return Buffer.concat([...parts, ...directory, end]);
}

/**
 * The fields a local header (from byte 4) and a central directory header (from byte 6) share:
 * version needed, flags, method, time, date, CRC, sizes, name length (extra length stays 0).
 */
function writeEntryFields(header: Buffer, at: number, fields: { crc: number; compressed: number; size: number; nameLength: number }): void {
    header.writeUInt16LE(VERSION, at);
    header.writeUInt16LE(UTF8_NAMES, at + 2);
    header.writeUInt16LE(DEFLATE, at + 4);
    header.writeUInt16LE(0, at + 6);
    header.writeUInt16LE(DOS_DATE, at + 8);
    header.writeUInt32LE(fields.crc, at + 10);
    header.writeUInt32LE(fields.compressed, at + 14);
    header.writeUInt32LE(fields.size, at + 18);
    header.writeUInt16LE(fields.nameLength, at + 22);
}

let table: Uint32Array | undefined;

/** CRC-32 (ISO 3309, polynomial 0xEDB88320), as ZIP stores it; `zlib.crc32` needs Node 20.15. */
export function crc32(data: Uint8Array): number {
    table ??= Uint32Array.from({ length: 256 }, (_, n) => {
        let c = n;
        for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
        return c >>> 0;
    });
    let crc = 0xffffffff;
    for (const byte of data) crc = table[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
    return (crc ^ 0xffffffff) >>> 0;
}
