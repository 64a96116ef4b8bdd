/** The current time, injectable so services can be tested at fixed instants. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
