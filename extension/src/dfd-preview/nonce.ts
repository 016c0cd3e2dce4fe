import { randomBytes } from 'node:crypto';

/** A fresh CSP nonce: 128 random bits, base64 (CSP's nonce grammar allows `+`, `/` and `=`). */
export function createNonce(): string {
    return randomBytes(16).toString('base64');
}
