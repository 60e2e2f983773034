import fs from 'node:fs/promises';
import path from 'node:path';
import { newToken } from '../ids.js';

/** Where uploaded files live: a folder, shared between instances when several run. */
export interface Storage {
  put(data: Buffer): Promise<string>;
  get(key: string): Promise<Buffer>;
  delete(key: string): Promise<void>;
}

const KEY = /^[A-Za-z0-9_-]{43}$/;

/** A storage folder with unguessable keys; keys are never derived from user input. */
export function folderStorage(dir: string): Storage {
  const fileOf = (key: string) => {
    if (!KEY.test(key)) throw new Error('invalid storage key');
    return path.join(dir, key.slice(0, 2), key);
  };
  return {
    async put(data) {
      const key = newToken();
      const file = fileOf(key);
      await fs.mkdir(path.dirname(file), { recursive: true });
      // Write then rename, so a reader never sees half a file.
      await fs.writeFile(`${file}.part`, data);
      await fs.rename(`${file}.part`, file);
      return key;
    },
    get: (key) => fs.readFile(fileOf(key)),
    async delete(key) {
      await fs.rm(fileOf(key), { force: true });
    },
  };
}
