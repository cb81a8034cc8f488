import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('has defaults that run Lede on SQLite in ./data', () => {
    const config = loadConfig({});
    expect(config.databaseUrl).toBeNull();
    expect(config.port).toBe(3000);
    expect(config.dataDir.endsWith('/data')).toBe(true);
    expect(config.fetchAllow).toEqual([]);
  });

  it('splits LEDE_FETCH_ALLOW and lets flags override the environment', () => {
    const config = loadConfig(
      { LEDE_FETCH_ALLOW: '10.0.0.0/8, intranet.local ,', PORT: '8080' },
      { port: 9 },
    );
    expect(config.fetchAllow).toEqual(['10.0.0.0/8', 'intranet.local']);
    expect(config.port).toBe(9);
  });

  it('names the setting that is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
  });
});
