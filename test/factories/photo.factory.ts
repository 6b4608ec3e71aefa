import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';

/** Photos for upload tests, made on the spot (the HEIC comes from a fixture: nothing here encodes HEVC). */

/** A JPEG as a phone writes it: with EXIF holding where it was taken and the camera. */
export function jpegWithGps(width = 800, height = 600): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#2a6' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'TestPhone', Model: 'Field 1' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '40/1 8/1 2400/100', GPSLongitudeRef: 'E', GPSLongitude: '117/1 7/1 1200/100' },
    })
    .toBuffer();
}

export function png(width = 64, height = 48): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 4, background: '#c33a' } }).png().toBuffer();
}

export function webp(width = 64, height = 48): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#33c' } }).webp().toBuffer();
}

/** A 640×480 HEIC as an iPhone writes it (major brand heic, HEVC-coded). */
export function heic(): Buffer {
  return readFileSync(join(__dirname, '..', 'fixtures', 'photo.heic'));
}
