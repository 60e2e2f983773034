// Photos are made smaller in the browser before upload (the server has no image library): drawn on
// a canvas at most MAX_SIDE px on the longest side and saved as JPEG. A file the browser cannot read
// as an image is sent as it is, so that the server's check gives the message.

export const MAX_SIDE = 1600;

/** The photo to upload: a resized JPEG, or the original file when it cannot be decoded. */
export async function resizePhoto(file: File, maxSide = MAX_SIDE): Promise<{ blob: Blob; name: string; resized: boolean }> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return { blob: file, name: file.name, resized: false };
  }
  const scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height));
  const w = Math.max(1, Math.round(bitmap.width * scale));
  const h = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = document.createElement('canvas');
  canvas.width = w;
  canvas.height = h;
  const g = canvas.getContext('2d');
  if (!g) return { blob: file, name: file.name, resized: false };
  g.fillStyle = '#fff'; // JPEG has no transparency
  g.fillRect(0, 0, w, h);
  g.drawImage(bitmap, 0, 0, w, h);
  bitmap.close();
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
  if (!blob) return { blob: file, name: file.name, resized: false };
  return { blob, name: file.name.replace(/\.[^.]*$/, '') + '.jpg', resized: true };
}
