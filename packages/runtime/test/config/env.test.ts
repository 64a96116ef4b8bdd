import { describe, expect, it } from 'vitest';
import { ConfigError, loadEnv } from '../../src/config/env.ts';

describe('loadEnv', () => {
  it('applies defaults around the one required setting', () => {
    const env = loadEnv({ MONGODB_URI: 'mongodb://localhost:27017/' });
    expect(env).toMatchObject({
      PORT: 3000,
      TEMPORAL_ADDRESS: 'localhost:7233',
      TEMPORAL_NAMESPACE: 'default',
      TEMPORAL_UI_URL: 'http://localhost:8233',
      MONGODB_DB: 'casework',
    });
  });

  it('names every invalid variable', () => {
    const attempt = () => loadEnv({ MONGODB_URI: 'postgres://x', PORT: 'eighty', CASEWORK_API_KEY: 'short' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/MONGODB_URI[\s\S]*PORT|PORT[\s\S]*MONGODB_URI/);
    expect(attempt).toThrow(/CASEWORK_API_KEY: must be at least 20 characters/);
  });
});
