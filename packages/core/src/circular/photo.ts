// Photos of surplus items: the type is read from the file's first bytes and the size from its
// header (PNG IHDR, JPEG SOFn, WebP VP8/VP8L/VP8X), so a renamed PDF or a huge image is refused
// without an image library.

export type PhotoType = 'image/png' | 'image/jpeg' | 'image/webp';

export interface PhotoInfo {
  type: PhotoType;
  width: number;
  height: number;
}

const u16be = (b: Uint8Array, i: number) => (b[i]! << 8) | b[i + 1]!;
const u32be = (b: Uint8Array, i: number) => ((b[i]! << 24) >>> 0) + (b[i + 1]! << 16) + (b[i + 2]! << 8) + b[i + 3]!;
const u24le = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16);
const ascii = (b: Uint8Array, i: number, n: number) => String.fromCharCode(...b.subarray(i, i + n));

/** The type and pixel size of a PNG, JPEG or WebP image from its header; null when it is not one of these. */
export function photoInfo(b: Uint8Array): PhotoInfo | null {
  // PNG: signature, then the IHDR chunk with width and height.
  if (b.length >= 24 && u32be(b, 0) === 0x89504e47 && u32be(b, 4) === 0x0d0a1a0a && ascii(b, 12, 4) === 'IHDR') {
    const width = u32be(b, 16);
    const height = u32be(b, 20);
    return width > 0 && height > 0 ? { type: 'image/png', width, height } : null;
  }
  // JPEG: SOI, then segments until a start-of-frame marker (C0–CF except C4, C8, CC).
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) {
    let i = 2;
    while (i + 9 < b.length) {
      if (b[i] !== 0xff) return null;
      const marker = b[i + 1]!;
      if (marker === 0xff) {
        i++;
        continue;
      }
      if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
        i += 2;
        continue;
      }
      const len = u16be(b, i + 2);
      if (len < 2) return null;
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        const height = u16be(b, i + 5);
        const width = u16be(b, i + 7);
        return width > 0 && height > 0 ? { type: 'image/jpeg', width, height } : null;
      }
      i += 2 + len;
    }
    return null;
  }
  // WebP: RIFF....WEBP, then a VP8 (lossy), VP8L (lossless) or VP8X (extended) chunk.
  if (b.length >= 30 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') {
    const chunk = ascii(b, 12, 4);
    if (chunk === 'VP8 ' && b[23] === 0x9d && b[24] === 0x01 && b[25] === 0x2a) return { type: 'image/webp', width: (b[26]! | (b[27]! << 8)) & 0x3fff, height: (b[28]! | (b[29]! << 8)) & 0x3fff };
    if (chunk === 'VP8L' && b[20] === 0x2f) {
      const bits = (b[21]! | (b[22]! << 8) | (b[23]! << 16) | (b[24]! << 24)) >>> 0;
      return { type: 'image/webp', width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
    }
    if (chunk === 'VP8X') return { type: 'image/webp', width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 };
    return null;
  }
  return null;
}

export interface PhotoLimits {
  maxBytes: number;
  maxSide: number;
}

/** Photos are resized in the browser to at most 1600 px before upload; the server allows some margin. */
export const PHOTO_LIMITS: PhotoLimits = { maxBytes: 3 * 1024 * 1024, maxSide: 2400 };

/** Checks an uploaded photo: a real PNG, JPEG or WebP, not too large in bytes or pixels. Messages in Norwegian. */
export function checkPhoto(b: Uint8Array, limits: PhotoLimits = PHOTO_LIMITS): { info: PhotoInfo | null; issues: { field: string; message: string }[] } {
  if (b.length === 0) return { info: null, issues: [{ field: 'file', message: 'Filen er tom' }] };
  const info = photoInfo(b);
  if (!info) return { info: null, issues: [{ field: 'file', message: 'Filen er ikke et bilde. Bruk JPEG, PNG eller WebP.' }] };
  const mb = (n: number) => (n / 1024 / 1024).toLocaleString('nb-NO', { maximumFractionDigits: 1 });
  const issues: { field: string; message: string }[] = [];
  if (b.length > limits.maxBytes) issues.push({ field: 'file', message: `Bildet er for stort (${mb(b.length)} MB); maks ${mb(limits.maxBytes)} MB. Last det opp fra siden, som forminsker det først.` });
  if (info.width > limits.maxSide || info.height > limits.maxSide) issues.push({ field: 'file', message: `Bildet er for stort (${info.width} × ${info.height} piksler); maks ${limits.maxSide} piksler på den lengste siden.` });
  return { info, issues };
}
