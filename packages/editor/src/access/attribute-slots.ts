import type { SlotOf } from '../case-setup/form-errors.ts';

/** The control of each attribute a form sends: the JSON pointer the API's errors name it by. */
export const attributeSlot = (name: string) => `/data/attributes/${name}`;

/** A slot function for a form whose controls are `names`: problems elsewhere go to the top of the form. */
export function slotsFor(names: readonly string[]): SlotOf {
  const slots = new Set(names.map(attributeSlot));
  return (pointer) => (slots.has(pointer) ? pointer : null);
}
