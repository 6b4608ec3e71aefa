/**
 * Makes a photo small enough for a slow network before it is kept or sent: decoded with the
 * camera's orientation applied, scaled so its longer side is at most `maxEdge` pixels, and
 * re-encoded as JPEG. Re-encoding also leaves the camera's metadata (EXIF, GPS) behind. A file
 * the browser cannot decode (HEIC on most phones) goes as it is: the server recognises it.
 * Our own few lines on the canvas: browser-image-compression, the usual library, loads its worker
 * script from a CDN by default and has had no release since 2022.
 */
export async function compressPhoto(file: Blob, maxEdge = 1600, quality = 0.8): Promise<Blob> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return file;
  }
  const scale = Math.min(1, maxEdge / Math.max(bitmap.width, bitmap.height));
  const width = Math.max(1, Math.round(bitmap.width * scale));
  const height = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) return file;
  context.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  const jpeg = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
  // A small JPEG may grow when re-encoded: keep the smaller, unless the original is not a JPEG.
  if (!jpeg) return file;
  return file.type === 'image/jpeg' && file.size <= jpeg.size && scale === 1 ? file : jpeg;
}
