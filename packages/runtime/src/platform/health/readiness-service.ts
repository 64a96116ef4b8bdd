import type { Readiness } from '@casework/shared';

type Probe = () => Promise<void>;

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';

/** Probes each dependency concurrently; ready only when all of them answer. */
export function createReadinessService(probes: { mongodb: Probe; temporal: Probe }) {
  const check = async (probe: Probe) => {
    try {
      await probe();
      return { ok: true };
    } catch (error) {
      return { ok: false, error: describe(error) };
    }
  };
  return {
    async check(): Promise<Readiness> {
      const [mongodb, temporal] = await Promise.all([check(probes.mongodb), check(probes.temporal)]);
      return { status: mongodb.ok && temporal.ok ? 'ready' : 'unavailable', checks: { mongodb, temporal } };
    },
  };
}

export type ReadinessService = ReturnType<typeof createReadinessService>;
