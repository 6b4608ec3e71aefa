import { DomainError } from '@app/common';
import convertHeic from 'heic-convert';
import sharp from 'sharp';
import { ImageType } from '../domain/media';

export interface ProcessedImage {
  bytes: Buffer;
  contentType: 'image/jpeg' | 'image/png' | 'image/webp';
  width: number;
  height: number;
}

export interface ProcessedPhoto {
  photo: ProcessedImage;
  thumbnail: ProcessedImage;
}

/** Larger sides are scaled down: more pixels show nothing more on a phone or a desk screen. */
const LONGEST_SIDE = 4096;
const THUMBNAIL_SIDE = 320;
/** A decompression bomb (a small file of a huge image) is refused before it is decoded. */
const MAX_INPUT_PIXELS = 50_000_000;

/**
 * What is served of an uploaded photo: decoded and encoded again, turned upright by its EXIF
 * orientation, with no metadata at all (sharp writes none unless asked, so GPS position, camera
 * and time stay behind), and a JPEG thumbnail. HEIC (iPhones) is decoded by heic-convert, as
 * sharp's prebuilt libvips has no HEVC decoder, and served as JPEG.
 */
export async function processPhoto(bytes: Buffer, type: ImageType): Promise<ProcessedPhoto> {
  let input = bytes;
  if (type === 'image/heic') {
    try {
      input = Buffer.from(await convertHeic({ buffer: bytes, format: 'JPEG', quality: 0.9 }));
    } catch {
      throw unreadable();
    }
  }
  const served = type === 'image/png' ? 'image/png' : type === 'image/webp' ? 'image/webp' : 'image/jpeg';
  try {
    const upright = sharp(input, { failOn: 'error', limitInputPixels: MAX_INPUT_PIXELS }).rotate();
    const sized = upright.clone().resize(LONGEST_SIDE, LONGEST_SIDE, { fit: 'inside', withoutEnlargement: true });
    const encoded =
      served === 'image/png' ? sized.png() : served === 'image/webp' ? sized.webp({ quality: 85 }) : sized.jpeg({ quality: 85, mozjpeg: true });
    const [photo, thumbnail] = await Promise.all([
      encoded.toBuffer({ resolveWithObject: true }),
      upright
        .clone()
        .resize(THUMBNAIL_SIDE, THUMBNAIL_SIDE, { fit: 'inside', withoutEnlargement: true })
        .flatten({ background: '#ffffff' })
        .jpeg({ quality: 75 })
        .toBuffer({ resolveWithObject: true }),
    ]);
    return {
      photo: { bytes: photo.data, contentType: served, width: photo.info.width, height: photo.info.height },
      thumbnail: { bytes: thumbnail.data, contentType: 'image/jpeg', width: thumbnail.info.width, height: thumbnail.info.height },
    };
  } catch {
    throw unreadable();
  }
}

function unreadable(): DomainError {
  return DomainError.invalid('MEDIA.UNREADABLE', 'file: the image cannot be read (damaged or cut short)');
}
