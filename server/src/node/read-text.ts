/**
 * The one way the CLI and the language server read a file's text (issue 18): the byte order mark
 * says the encoding (YAML allows UTF-8, UTF-16 and UTF-32 with one) and is no character of line 1
 * (editors hide it, so positions stay right); without one the bytes are UTF-8, and what is not
 * UTF-8 becomes U+FFFD, which the core reports once for the file (text-errors.ts).
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be';

export interface DecodedText {
  text: string;
  encoding: Encoding;
  /** The file began with a byte order mark (not part of `text`). */
  bom: boolean;
}

/** The encoding a byte order mark announces, and its length; UTF-32 LE is tested before UTF-16 LE (FF FE 00 00 begins with FF FE). */
function bomOf(b: Uint8Array): { encoding: Encoding; length: number } | undefined {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) return { encoding: 'utf-32le', length: 4 };
  if (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) return { encoding: 'utf-32be', length: 4 };
  if (b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

/** UTF-32 (TextDecoder has no UTF-32): a code point past U+10FFFF, a surrogate or a cut last unit becomes U+FFFD. */
function decodeUtf32(b: Uint8Array, from: number, littleEndian: boolean): string {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const parts: string[] = [];
  let chunk: number[] = [];
  for (let i = from; i < b.length; i += 4) {
    let cp = 0xfffd;
    if (i + 4 <= b.length) {
      const v = view.getUint32(i, littleEndian);
      if (v <= 0x10ffff && !(v >= 0xd800 && v <= 0xdfff)) cp = v;
    }
    chunk.push(cp);
    if (chunk.length === 8192) {
      parts.push(String.fromCodePoint(...chunk));
      chunk = [];
    }
  }
  parts.push(String.fromCodePoint(...chunk));
  return parts.join('');
}

export function decodeText(bytes: Uint8Array): DecodedText {
  const bom = bomOf(bytes);
  const encoding = bom?.encoding ?? 'utf-8';
  const from = bom?.length ?? 0;
  let text: string;
  if (encoding === 'utf-32le' || encoding === 'utf-32be') text = decodeUtf32(bytes, from, encoding === 'utf-32le');
  else text = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes.subarray(from));
  return { text, encoding, bom: !!bom };
}

/** A file's text (throws what readFileSync throws). */
export function readTextFile(path: string | number): DecodedText {
  return decodeText(readFileSync(path));
}

export async function readTextFileAsync(path: string): Promise<DecodedText> {
  return decodeText(await readFile(path));
}
