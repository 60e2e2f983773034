import { createHash, randomBytes, randomUUID } from 'node:crypto';

/** A new random primary key. */
export const newId = (): string => randomUUID();

/** An unguessable token (256 bits, base64url). */
export const newToken = (): string => randomBytes(32).toString('base64url');

/** Hex SHA-256, for storing tokens and fingerprinting files. */
export const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');
