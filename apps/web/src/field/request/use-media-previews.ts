import { onBeforeUnmount, ref } from 'vue';
import { fetchMedia, type MediaItem } from '../../shared/api/media';

/** Thumbnails of a matter's photos as object URLs: an <img> cannot send the token the api asks for. */
export function useMediaPreviews() {
  const previews = ref<Array<{ id: string; stage: MediaItem['stage']; url: string }>>([]);

  async function show(media: MediaItem[]): Promise<void> {
    const loaded = await Promise.all(
      media.map(async (item) => {
        try {
          return { id: item.id, stage: item.stage, url: URL.createObjectURL(await fetchMedia(item.thumbnailUrl || item.url)) };
        } catch {
          return null;
        }
      }),
    );
    clear();
    previews.value = loaded.filter((p): p is { id: string; stage: MediaItem['stage']; url: string } => p !== null);
  }

  function clear(): void {
    previews.value.forEach((p) => URL.revokeObjectURL(p.url));
    previews.value = [];
  }

  onBeforeUnmount(clear);
  return { previews, show };
}
