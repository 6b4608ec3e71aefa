import { ref } from 'vue';
import { fetchMedia, type MediaItem } from '../../shared/api/media';

export interface PhotoPreview {
  id: string;
  stage: MediaItem['stage'];
  url: string;
}

function dataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable photo'));
    reader.readAsDataURL(blob);
  });
}

/**
 * A case's thumbnails as data: URLs: an <img> cannot send the token the api asks for, and the
 * content security policy may refuse blob: images. Thumbnails are small (at most 320 px).
 */
export function usePhotoPreviews() {
  const previews = ref<PhotoPreview[]>([]);

  async function show(media: readonly MediaItem[]): Promise<void> {
    const loaded = await Promise.all(
      media.map(async (item): Promise<PhotoPreview | null> => {
        try {
          return { id: item.id, stage: item.stage, url: await dataUrl(await fetchMedia(item.thumbnailUrl || item.url)) };
        } catch {
          return null;
        }
      }),
    );
    previews.value = loaded.filter((p): p is PhotoPreview => p !== null);
  }

  return { previews, show };
}
