import type { Actor } from '@app/common';

/** When a photo was taken in a matter's life: 上报 (filing), 处置 (handling), 吹哨 (a whistle on site). */
export const MEDIA_STAGES = ['report', 'handling', 'whistle'] as const;
export type MediaStage = (typeof MEDIA_STAGES)[number];

/** Per file, as phones send them after compressing (a 12-megapixel JPEG is 3 to 6 MB). */
export const MAX_MEDIA_BYTES = 10 * 1024 * 1024;
/** Photos of one stage on one request, as 12345 and 数字城管 forms take them (九宫格). */
export const MAX_MEDIA_PER_STAGE = 9;

export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/heic'] as const;
export type ImageType = (typeof IMAGE_TYPES)[number];

/** HEIF brands of HEVC-coded images, as iPhones write them (ISO/IEC 23008-12 annex B); AVIF's brands are not here. */
const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs']);

function ascii(bytes: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...bytes.subarray(from, to));
}

/**
 * What kind of image the bytes are, by their signature (never by the file's name or the type the
 * client claims), or null for anything else. HEIC is an ISO media file whose `ftyp` box names an
 * HEVC image brand, as its major brand or a compatible one.
 */
export function detectImageType(bytes: Uint8Array): ImageType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => bytes[i] === b)) return 'image/png';
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'image/webp';
  if (bytes.length >= 16 && ascii(bytes, 4, 8) === 'ftyp') {
    const boxSize = ((bytes[0] << 24) >>> 0) + (bytes[1] << 16) + (bytes[2] << 8) + bytes[3];
    const end = Math.min(boxSize, bytes.length, 256);
    const brands = [ascii(bytes, 8, 12)];
    for (let at = 16; at + 4 <= end; at += 4) brands.push(ascii(bytes, at, at + 4));
    if (brands.some((brand) => HEIC_BRANDS.has(brand))) return 'image/heic';
  }
  return null;
}

/** The request as photo rules see it: its grid and the departments working on it or summoned to it. */
export interface MediaTarget {
  gridCode: string;
  assignedDepartments: readonly string[];
  summonedDepartments: readonly string[];
}

/**
 * Who may attach a photo of a stage: the grid's workers any (they file, handle grid tasks and blow
 * whistles); staff of an assigned department handling photos, and of an assigned or summoned one
 * photos on site; the grid's leaders whistle photos (they blow whistles too). Admins attach none.
 */
export function canAttachMedia(actor: Actor, stage: MediaStage, target: MediaTarget): boolean {
  switch (actor.role) {
    case 'grid_worker':
      return actor.gridCodes.includes(target.gridCode);
    case 'leader':
      return stage === 'whistle' && actor.gridCodes.includes(target.gridCode);
    case 'dept_staff': {
      const department = actor.departmentCode;
      if (department === null || stage === 'report') return false;
      const assigned = target.assignedDepartments.includes(department);
      return stage === 'handling' ? assigned : assigned || target.summonedDepartments.includes(department);
    }
    case 'admin':
      return false;
  }
}
