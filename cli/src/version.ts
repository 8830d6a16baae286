/** The CLI's version, from its package.json (read once; the file ships with the package). */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const VERSION: string = (JSON.parse(fs.readFileSync(path.join(__dirname, '../../package.json'), 'utf8')) as { version: string }).version;
