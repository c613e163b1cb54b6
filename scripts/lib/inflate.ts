/**
 * Inflating the parts of a zip file (.docx, .xlsx) within a byte budget: chunk by chunk, stopping
 * at the first chunk past the budget, so a zip bomb costs at most the budget in memory and time.
 * The sizes a zip's directory states are not trusted: they are the attacker's to write.
 */
import type JSZip from 'jszip';

/** Thrown when the parts inflate beyond the budget; `message` is the part being inflated. */
export class TooLarge extends Error {}

/** JSZip's chunk stream (`internalStream`, documented but missing from its type declarations). */
interface ChunkStream {
  on(event: 'data', listener: (chunk: Uint8Array) => void): ChunkStream;
  on(event: 'error', listener: (e: Error) => void): ChunkStream;
  on(event: 'end', listener: () => void): ChunkStream;
  pause(): ChunkStream;
  resume(): ChunkStream;
}

/** Inflates one entry chunk by chunk while `more(chunkLength)` allows, as UTF-8 text. */
export function inflateWithin(entry: JSZip.JSZipObject, more: (bytes: number) => boolean): Promise<string> {
  const chunks: Uint8Array[] = [];
  return new Promise((resolve, reject) => {
    const stream = (entry as unknown as { internalStream(type: 'uint8array'): ChunkStream }).internalStream('uint8array');
    stream
      .on('data', (chunk) => {
        if (more(chunk.length)) chunks.push(chunk);
        else {
          stream.pause();
          reject(new TooLarge(entry.name));
        }
      })
      .on('error', reject)
      .on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
      .resume();
  });
}

/**
 * The XML parts (`.xml`, `.rels`) of a loaded zip, inflated, together at most `limit` bytes;
 * throws `TooLarge` past it. Images and other media are left out (never inflated).
 */
export async function inflateXmlParts(zip: JSZip, limit: number): Promise<Map<string, string>> {
  const parts = new Map<string, string>();
  let left = limit;
  for (const entry of Object.values(zip.files)) {
    if (entry.dir || !/\.(xml|rels)$/iu.test(entry.name)) continue;
    parts.set(entry.name, await inflateWithin(entry, (n) => (left -= n) >= 0));
  }
  return parts;
}
