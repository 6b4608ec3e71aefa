/** 吹哨报到: a summoned department reports on site by the whistle's deadline (Pinggu's rule: 30 minutes). */
export const DEFAULT_WHISTLE_MINUTES = 30;

export const ATTENDANCES = ['pending', 'on_time', 'late', 'absent'] as const;
export type Attendance = (typeof ATTENDANCES)[number];

/**
 * How a summoned department answered: an arrival by the deadline is on time, after it late;
 * no arrival is pending until the deadline passes, and absent from then on.
 */
export function attendanceOf(deadlineAt: Date, arrivedAt: Date | null, now: Date): Attendance {
  if (arrivedAt) return arrivedAt.getTime() <= deadlineAt.getTime() ? 'on_time' : 'late';
  return now.getTime() > deadlineAt.getTime() ? 'absent' : 'pending';
}
