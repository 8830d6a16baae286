/**
 * What the TypeScript programs read: the editor's text for open documents, the disk for the
 * rest. Versions let `LanguageService` reuse every unchanged SourceFile after an edit.
 *
 * Disk files are cached until a watched-file event says they changed. Clients that cannot watch
 * files (Neovim 0.7) get a cheap fallback: a non-node_modules file is re-stat'ed when its cached
 * entry is older than a couple of seconds.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_MAX_FILE_BYTES, readSourceFile, statMtime } from './readSource';

interface DiskEntry {
  text: string | undefined;
  /** Set when the file exists but cannot be analyzed (not a regular file, too large, EACCES...). */
  unreadable?: string;
  mtimeMs: number;
  version: number;
  checkedAt: number;
}

const RESTAT_AFTER_MS = 2000;

export class FileStore {
  private readonly open = new Map<string, TextDocument>();
  private readonly disk = new Map<string, DiskEntry>();
  private nextVersion = 1;
  /** Bumps on every change the programs could see; LanguageService hosts report it as the project version. */
  generation = 0;
  /** Set when the client does not send workspace/didChangeWatchedFiles. */
  pollDisk = false;
  /** Files larger than this are not read: they fail closed (`unreadableReason`). */
  maxFileBytes = DEFAULT_MAX_FILE_BYTES;

  setOpen(fileName: string, document: TextDocument): void {
    this.open.set(fileName, document);
    this.generation++;
  }

  close(fileName: string): void {
    if (this.open.delete(fileName)) {
      this.disk.delete(fileName); // the saved text may differ from the last edit we saw
      this.generation++;
    }
  }

  isOpen(fileName: string): boolean {
    return this.open.has(fileName);
  }

  openDocument(fileName: string): TextDocument | undefined {
    return this.open.get(fileName);
  }

  openFileNames(): string[] {
    return [...this.open.keys()];
  }

  /** A watched-file event (created, changed, deleted). */
  invalidate(fileName: string): void {
    this.disk.delete(fileName);
    this.generation++;
  }

  version(fileName: string): string {
    const document = this.open.get(fileName);
    if (document) return `o${document.version}`;
    const entry = this.entry(fileName);
    return `d${entry.version}`;
  }

  text(fileName: string): string | undefined {
    const document = this.open.get(fileName);
    if (document) return document.getText();
    return this.entry(fileName).text;
  }

  /** Readable: an open document or a regular file on disk within the size cap. */
  exists(fileName: string): boolean {
    return this.open.has(fileName) || this.entry(fileName).text !== undefined;
  }

  /** Why a file that is there cannot be analyzed, or undefined (readable or missing). */
  unreadableReason(fileName: string): string | undefined {
    if (this.open.has(fileName)) return undefined;
    return this.entry(fileName).unreadable;
  }

  private entry(fileName: string): DiskEntry {
    const cached = this.disk.get(fileName);
    const now = Date.now();
    if (cached && !(this.pollDisk && now - cached.checkedAt > RESTAT_AFTER_MS && !fileName.includes('/node_modules/'))) return cached;
    const stat = statMtime(fileName);
    const mtimeMs = 'mtimeMs' in stat ? stat.mtimeMs : -1;
    if (cached && !('error' in stat) && cached.mtimeMs === mtimeMs) {
      cached.checkedAt = now;
      return cached;
    }
    let text: string | undefined;
    let unreadable: string | undefined;
    if ('error' in stat) unreadable = `it cannot be examined (${stat.error})`;
    else if ('mtimeMs' in stat) {
      const read = readSourceFile(fileName, this.maxFileBytes);
      if (read.kind === 'text') text = read.text;
      else if (read.kind === 'unreadable') unreadable = read.reason;
    }
    const entry: DiskEntry = { text, unreadable, mtimeMs, version: this.nextVersion++, checkedAt: now };
    this.disk.set(fileName, entry);
    if (cached) this.generation++;
    return entry;
  }
}
