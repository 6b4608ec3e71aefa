import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('runs the embedded default with nothing configured', () => {
    const config = loadConfig({});
    expect(config.databaseUrl).toBeNull();
    expect(config.kafkaBrokers).toBeNull();
    expect(config.port).toBe(3000);
    expect(config.adminUsername).toBe('admin');
    expect(config.deadlineWatchMs).toBe(30_000);
    expect(config.embeddedDbDir).toBe('.embedded-db');
    expect(loadConfig({ EMBEDDED_DB_DIR: '/var/lib/governance' }).embeddedDbDir).toBe('/var/lib/governance');
    expect(config).toMatchObject({ signInMaxFailures: 5, signInLockoutSeconds: 900, signInPerAddressPerMinute: 30, trackPerAddressPerMinute: 60 });
    expect(config.trustProxy).toBe(false);
  });

  it('reads the map tiles of the web app, none by default', () => {
    expect(loadConfig({})).toMatchObject({ mapTileUrl: null, mapTileCoordinates: 'wgs84' });
    expect(loadConfig({ MAP_TILE_COORDINATES: 'gcj02' }).mapTileCoordinates).toBe('gcj02');
    const tiles = 'https://t{s}.tianditu.gov.cn/img_w/wmts?TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=key';
    expect(loadConfig({ MAP_TILE_URL: tiles, MAP_TILE_ATTRIBUTION: '天地图' })).toMatchObject({ mapTileUrl: tiles, mapTileAttribution: '天地图' });
  });

  it('reads which proxies to trust for the client address', () => {
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy).toEqual(['loopback', '10.0.0.0/8']);
  });

  it('reads the real services when both are given', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/gov',
      KAFKA_BROKERS: '127.0.0.1:9092, 127.0.0.1:9093',
      JWT_SECRET: 'x'.repeat(32),
    });
    expect(config.kafkaBrokers).toEqual(['127.0.0.1:9092', '127.0.0.1:9093']);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x/y', KAFKA_BROKERS: 'a:1', JWT_SECRET: 'x'.repeat(32) }, 'DATABASE_URL'],
    [{ KAFKA_BROKERS: 'no-port', JWT_SECRET: 'x'.repeat(32) }, 'KAFKA_BROKERS'],
    [{ DATABASE_URL: 'postgres://h/db' }, 'JWT_SECRET'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ MIGRATIONS_RUN: 'yes' }, 'MIGRATIONS_RUN'],
    [{ ADMIN_PASSWORD: 'short' }, 'ADMIN_PASSWORD'],
    [{ ADMIN_USERNAME: 'root', ADMIN_PASSWORD: 'password123' }, 'ADMIN_PASSWORD'],
    [{ ADMIN_USERNAME: 'chief', ADMIN_PASSWORD: 'chief-of-the-county' }, 'ADMIN_PASSWORD'],
    [{ DEADLINE_WATCH_MS: '10' }, 'DEADLINE_WATCH_MS'],
    [{ SIGN_IN_MAX_FAILURES: '0' }, 'SIGN_IN_MAX_FAILURES'],
    [{ SIGN_IN_LOCKOUT_SECONDS: 'forever' }, 'SIGN_IN_LOCKOUT_SECONDS'],
    [{ SIGN_IN_PER_ADDRESS_PER_MINUTE: '-1' }, 'SIGN_IN_PER_ADDRESS_PER_MINUTE'],
    [{ TRACK_PER_ADDRESS_PER_MINUTE: '0' }, 'TRACK_PER_ADDRESS_PER_MINUTE'],
    [{ TRUST_PROXY: 'everyone' }, 'TRUST_PROXY'],
    [{ MAP_TILE_URL: 'tiles.example/{z}/{x}/{y}.png' }, 'MAP_TILE_URL'],
    [{ MAP_TILE_URL: 'ftp://tiles.example/{z}/{x}/{y}.png' }, 'MAP_TILE_URL'],
    [{ MAP_TILE_URL: 'https://tiles.example/{z}/{x}.png' }, 'MAP_TILE_URL'],
    [{ MAP_TILE_COORDINATES: 'bd09' }, 'MAP_TILE_COORDINATES'],
  ])('refuses %j naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`^Invalid configuration: ${variable} `));
  });

  it('reads per-department notice webhooks, and wants a secret with them', () => {
    const config = loadConfig({ NOTICE_WEBHOOK_URLS: 'market=https://hooks.example/market, *=http://127.0.0.1:9000/all', NOTICE_WEBHOOK_SECRET: 'a-secret-of-16-chars' });
    expect([...config.noticeWebhooks]).toEqual([
      ['market', 'https://hooks.example/market'],
      ['*', 'http://127.0.0.1:9000/all'],
    ]);
    expect(() => loadConfig({ NOTICE_WEBHOOK_URLS: 'market=https://hooks.example/market' })).toThrow('NOTICE_WEBHOOK_SECRET');
    expect(() => loadConfig({ NOTICE_WEBHOOK_URLS: 'market=ftp://x', NOTICE_WEBHOOK_SECRET: 'a-secret-of-16-chars' })).toThrow('NOTICE_WEBHOOK_URLS');
    expect(loadConfig({}).noticeWebhooks.size).toBe(0);
  });
});
