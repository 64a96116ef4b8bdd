const unitSeconds = { seconds: 1, minutes: 60, hours: 3600, days: 86_400 } as const;
export type DurationUnit = keyof typeof unitSeconds;

export const durationSeconds = (duration: { amount: number; unit: DurationUnit }) =>
  duration.amount * unitSeconds[duration.unit];
