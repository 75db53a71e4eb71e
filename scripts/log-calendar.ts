/**
 * Calendar arithmetic on day numbers (days since 1970-01-01, a Thursday) for the synthetic logs
 * (`generate-log.ts`, `housing-log.ts`): weekdays only, and Europe/London's offset on a day.
 */
export const FIRST_RECEIPT = Date.UTC(2023, 0, 2) / 86_400_000;
export const LAST_RECEIPT = Date.UTC(2026, 5, 26) / 86_400_000;
const _isoCache = new Map<number, string>();
export const isoDate = (day: number): string => {
  let s = _isoCache.get(day);
  if (s === undefined) {
    s = new Date(day * 86_400_000).toISOString().slice(0, 10);
    _isoCache.set(day, s);
  }
  return s;
};
export const isWorking = (day: number) => {
  const w = (day + 4) % 7; // 0 Sunday ... 6 Saturday
  return w !== 0 && w !== 6;
};
export const addWorking = (day: number, n: number): number => {
  let d = day;
  let left = n;
  while (left > 0) {
    d++;
    if (isWorking(d)) left--;
  }
  return d;
};
/** The last Sunday of a month (0-based), as a day number. */
const _lastSunday = (y: number, m: number) => {
  const end = Date.UTC(y, m + 1, 0) / 86_400_000;
  return end - ((end + 4) % 7);
};
const _bst = new Map<number, [number, number]>();
/** Europe/London's offset on a day: BST from the last Sunday of March to that of October. */
export const offset = (day: number): string => {
  const y = new Date(day * 86_400_000).getUTCFullYear();
  let b = _bst.get(y);
  if (!b) {
    b = [_lastSunday(y, 2), _lastSunday(y, 9)];
    _bst.set(y, b);
  }
  return day >= b[0] && day < b[1] ? '+01:00' : '+00:00';
};
