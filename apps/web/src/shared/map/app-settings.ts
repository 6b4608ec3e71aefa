/** What the server is configured with for the app (/app-settings.json): the map tiles, if any. */
export interface AppSettings {
  mapTileUrl: string | null;
  mapTileAttribution: string;
  mapTileCoordinates: 'wgs84' | 'gcj02';
}

const NONE: AppSettings = { mapTileUrl: null, mapTileAttribution: '', mapTileCoordinates: 'wgs84' };
let settings: Promise<AppSettings> | null = null;

export function appSettings(): Promise<AppSettings> {
  settings ??= fetch('/app-settings.json')
    .then((response) => (response.ok ? (response.json() as Promise<AppSettings>) : NONE))
    .catch(() => {
      settings = null;
      return NONE;
    });
  return settings;
}
