/**
 * Message framing in front of vscode-jsonrpc's stdio reader. That reader consumes a header it
 * cannot use (`Content-Length: abc`) and then reads the next body as headers: the server lives
 * but never answers again. This stream checks each header block and passes on only well-formed
 * messages; a malformed one is dropped up to the next `Content-Length:` and reported, so one bad
 * message costs one message, not the session.
 */
import { Transform, type TransformCallback } from 'node:stream';

const HEADER_END = Buffer.from('\r\n\r\n');
const CONTENT_LENGTH = Buffer.from('Content-Length:');
/** A message larger than this is malformed, not a reason to buffer without end. */
export const MAX_MESSAGE_BYTES = 256 * 1024 * 1024;
/** A header block longer than this is garbage. */
const MAX_HEADER_BYTES = 8 * 1024;

export class FramingGuard extends Transform {
  private buffer: Buffer = Buffer.alloc(0);
  /** Body bytes still to pass through for the current message. */
  private remaining = 0;

  constructor(private readonly report: (problem: string) => void) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    for (;;) {
      if (this.remaining > 0) {
        if (this.buffer.length === 0) break;
        const n = Math.min(this.remaining, this.buffer.length);
        this.push(this.buffer.subarray(0, n));
        this.buffer = this.buffer.subarray(n);
        this.remaining -= n;
        continue;
      }
      const end = this.buffer.indexOf(HEADER_END);
      if (end < 0) {
        if (this.buffer.length > MAX_HEADER_BYTES) this.skip('a header block without an end');
        else break;
        continue;
      }
      const length = contentLengthOf(this.buffer.subarray(0, end).toString('ascii'));
      if (typeof length === 'string') {
        this.skip(length);
        continue;
      }
      this.push(this.buffer.subarray(0, end + HEADER_END.length));
      this.buffer = this.buffer.subarray(end + HEADER_END.length);
      this.remaining = length;
    }
    done();
  }

  /** Drops bytes up to the next `Content-Length:` after the start (or all but a possible partial one). */
  private skip(problem: string): void {
    const next = this.buffer.indexOf(CONTENT_LENGTH, 1);
    const dropped = next < 0 ? Math.max(1, this.buffer.length - CONTENT_LENGTH.length) : next;
    this.report(`dropped ${dropped} bytes of a malformed message: ${problem}`);
    this.buffer = this.buffer.subarray(dropped);
  }
}

/** The Content-Length of a header block, or why it has none usable. */
function contentLengthOf(headers: string): number | string {
  let length: number | string = 'no Content-Length header';
  for (const line of headers.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) return `the header line ${JSON.stringify(line.slice(0, 60))} has no "name: value"`;
    if (line.slice(0, colon).trim().toLowerCase() !== 'content-length') continue;
    const value = line.slice(colon + 1).trim();
    if (!/^\d{1,10}$/.test(value)) return `Content-Length ${JSON.stringify(value.slice(0, 20))} is not a number`;
    const n = Number(value);
    if (n > MAX_MESSAGE_BYTES) return `Content-Length ${n} is over ${MAX_MESSAGE_BYTES}`;
    length = n;
  }
  return length;
}
