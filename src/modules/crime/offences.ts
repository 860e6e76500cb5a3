/** The PKS key of all offences ("Straftaten insgesamt"). */
export const ALL_OFFENCES = '------';

/** "Straftaten insgesamt" first, then by key. */
export function offenceOrder(a: string, b: string) {
  if (a === b) return 0;
  if (a === ALL_OFFENCES) return -1;
  if (b === ALL_OFFENCES) return 1;
  return a < b ? -1 : 1;
}
