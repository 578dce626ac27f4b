/**
 * The start of the desk's day for `now`: local midnight on the desk's clock. One definition for every "today" the desk
 * shows: the F9 report's default range, the report screen's "Bugün" and the packed counter in the status bar.
 */
export function deskDayStart(now: Date): Date {
  const start = new Date(now)
  start.setHours(0, 0, 0, 0)
  return start
}
