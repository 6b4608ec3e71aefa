import type { Actor } from '@app/common';
import { canAttachMedia, detectImageType } from './media';

const bytes = (...parts: Array<string | number[]>): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe('photos: what the bytes are', () => {
  it('knows JPEG, PNG, WebP and HEIC by their signatures', () => {
    expect(detectImageType(bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF'))).toBe('image/jpeg');
    expect(detectImageType(bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a], 'IHDR'))).toBe('image/png');
    expect(detectImageType(bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '))).toBe('image/webp');
    expect(detectImageType(bytes([0, 0, 0, 0x18], 'ftypheic', [0, 0, 0, 0], 'mif1heic'))).toBe('image/heic');
    // An iPhone's major brand may be mif1, with heic among the compatible ones.
    expect(detectImageType(bytes([0, 0, 0, 0x18], 'ftypmif1', [0, 0, 0, 0], 'mif1heic'))).toBe('image/heic');
  });

  it('refuses what only claims to be a photo: text, a PDF, AVIF, a GIF, a truncated signature', () => {
    expect(detectImageType(bytes('hello, this is photo.jpg'))).toBeNull();
    expect(detectImageType(bytes('%PDF-1.7\n'))).toBeNull();
    expect(detectImageType(bytes([0, 0, 0, 0x1c], 'ftypavif', [0, 0, 0, 0], 'avifmif1miaf'))).toBeNull();
    expect(detectImageType(bytes('GIF89a', [1, 0, 1, 0]))).toBeNull();
    expect(detectImageType(bytes([0xff, 0xd8]))).toBeNull();
    expect(detectImageType(new Uint8Array())).toBeNull();
  });
});

describe('photos: who may attach them', () => {
  const actor = (role: Actor['role'], extra: Partial<Actor> = {}): Actor => ({ userId: 'u', username: 'u', role, gridCodes: [], departmentCode: null, ...extra });
  const target = { gridCode: 'G-1', assignedDepartments: ['market'], summonedDepartments: ['police'] };

  it('lets the grid’s workers attach any stage, and no one else’s', () => {
    for (const stage of ['report', 'handling', 'whistle'] as const) {
      expect(canAttachMedia(actor('grid_worker', { gridCodes: ['G-1'] }), stage, target)).toBe(true);
      expect(canAttachMedia(actor('grid_worker', { gridCodes: ['G-2'] }), stage, target)).toBe(false);
    }
  });

  it('lets staff attach handling photos for their assignment, and on-site photos when summoned', () => {
    expect(canAttachMedia(actor('dept_staff', { departmentCode: 'market' }), 'handling', target)).toBe(true);
    expect(canAttachMedia(actor('dept_staff', { departmentCode: 'police' }), 'handling', target)).toBe(false);
    expect(canAttachMedia(actor('dept_staff', { departmentCode: 'police' }), 'whistle', target)).toBe(true);
    expect(canAttachMedia(actor('dept_staff', { departmentCode: 'market' }), 'report', target)).toBe(false);
  });

  it('lets leaders attach whistle photos of their grids only, and admins none', () => {
    expect(canAttachMedia(actor('leader', { gridCodes: ['G-1'] }), 'whistle', target)).toBe(true);
    expect(canAttachMedia(actor('leader', { gridCodes: ['G-1'] }), 'report', target)).toBe(false);
    expect(canAttachMedia(actor('admin'), 'handling', target)).toBe(false);
  });
});
