export * from './ids.ts';
export * from './api/error.dto.ts';
export * from './api/health.dto.ts';
export * from './api/system-check.dto.ts';
