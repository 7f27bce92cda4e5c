// A real (tiny) PNG for /secure/useravatar, so the client's image handling sees valid bytes: one solid colour
// per user, made with zlib rather than stored as a binary fixture.
import { createHash } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const SIZES: Record<string, number> = { xsmall: 16, small: 24, medium: 32, large: 48 };

/** Jira's avatar size names; anything else gets the large one, as Jira does. */
export function avatarPixels(size: string | null): number {
  return SIZES[size ?? 'large'] ?? 48;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

export function solidPng(pixels: number, rgb: readonly [number, number, number]): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(pixels, 0);
  header.writeUInt32BE(pixels, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(2, 9); // colour type: truecolour RGB
  // compression, filter and interlace methods stay 0
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: pixels }, () => [...rgb]).flat())]);
  const image = Buffer.concat(Array.from({ length: pixels }, () => row));
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(image)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export function avatarPng(ownerId: string, size: string | null): Buffer {
  const digest = createHash('sha256').update(ownerId).digest();
  return solidPng(avatarPixels(size), [digest[0] ?? 0, digest[1] ?? 0, digest[2] ?? 0]);
}
