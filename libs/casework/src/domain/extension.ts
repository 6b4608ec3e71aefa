import { DomainError, EARLIEST_DAY, isDayInRange, LATEST_DAY, toOffsetIso } from '@app/common';
import { addWorkingMinutes, DEFAULT_CALENDAR, WorkingCalendar } from './deadlines';

/** What staff ask for (延期): a new due time outright, or extra working hours on the calendar. */
export interface ExtensionAsk {
  requestedDueAt?: Date;
  extraWorkingHours?: number;
}

/**
 * The due time an extension asks for. It must be asked before the current due time (after it the
 * breach has happened: 409), name exactly one of the two forms and move the due time later (400).
 */
export function extendedDueAt(now: Date, currentDueAt: Date, ask: ExtensionAsk, calendar: WorkingCalendar = DEFAULT_CALENDAR): Date {
  if ((ask.requestedDueAt === undefined) === (ask.extraWorkingHours === undefined)) {
    throw DomainError.invalid('CASEWORK.EXTENSION_FORM', 'requestedDueAt, extraWorkingHours: give exactly one of them');
  }
  if (now.getTime() >= currentDueAt.getTime()) {
    throw DomainError.conflict('CASEWORK.PAST_DUE', `cannot ask for an extension: the assignment was due at ${toOffsetIso(currentDueAt)}`);
  }
  const dueAt = ask.requestedDueAt ?? addWorkingMinutes(currentDueAt, (ask.extraWorkingHours ?? 0) * 60, calendar);
  if (dueAt.getTime() <= currentDueAt.getTime()) {
    throw DomainError.invalid('CASEWORK.EXTENSION_FORM', `requestedDueAt: must be later than the current due time ${toOffsetIso(currentDueAt)}`);
  }
  // Past 9999-12-31 a time no longer reads as ISO 8601 with a four-digit year.
  if (!isDayInRange(toOffsetIso(dueAt).slice(0, 10))) {
    throw DomainError.invalid('CASEWORK.EXTENSION_FORM', `requestedDueAt: must fall on a day from ${EARLIEST_DAY} to ${LATEST_DAY}`);
  }
  return dueAt;
}
