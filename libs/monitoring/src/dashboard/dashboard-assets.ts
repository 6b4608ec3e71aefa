import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface Asset {
  body: Buffer;
  contentType: string;
}

const OWN_ASSETS: Record<string, string> = {
  'index.html': 'text/html; charset=utf-8',
  'dashboard.css': 'text/css; charset=utf-8',
  'dashboard.js': 'text/javascript; charset=utf-8',
};

/**
 * The page's files, read once. They live in the source tree (libs/monitoring/src/dashboard/assets);
 * a build keeps them there, so the folder is found from the compiled file's place (dist/ sits in the
 * repository) or from the working directory. Chart.js is served from its npm package, never from a
 * CDN. Throws, naming what is missing, when the files cannot be found.
 */
export function loadDashboardAssets(): Map<string, Asset> {
  const folder = findAssetFolder();
  const assets = new Map<string, Asset>();
  for (const [name, contentType] of Object.entries(OWN_ASSETS)) {
    assets.set(name, { body: readFileSync(join(folder, name)), contentType });
  }
  // The package's exports name only its CommonJS entry; the UMD build sits beside it.
  // Looked up from here, then from the repository the assets came from (a build elsewhere).
  const chartCjs = require.resolve('chart.js', { paths: [__dirname, join(folder, '..', '..', '..', '..', '..')] });
  const chartUmd = join(dirname(chartCjs), 'chart.umd.js');
  assets.set('chart.umd.js', { body: readFileSync(chartUmd), contentType: 'text/javascript; charset=utf-8' });
  return assets;
}

const ASSETS_IN_REPO = join('libs', 'monitoring', 'src', 'dashboard', 'assets');

function findAssetFolder(): string {
  const beside = join(__dirname, 'assets');
  if (existsSync(join(beside, 'index.html'))) return beside;
  for (const start of [__dirname, process.cwd()]) {
    for (let dir = start; dir !== dirname(dir); dir = dirname(dir)) {
      const candidate = join(dir, ASSETS_IN_REPO);
      if (existsSync(join(candidate, 'index.html'))) return candidate;
    }
  }
  throw new Error(`the dashboard's assets (${ASSETS_IN_REPO}) were found neither from ${__dirname} nor from ${process.cwd()}`);
}
