import type { ErrorCodeList } from '@app/common';

/**
 * Codes of the workflow: filing, routing, the calendar, assignments, whistles, returns,
 * extensions, feedback, duplicates, tracking and photos (see ErrorCodeList in @app/common).
 */
export const CASEWORK_ERROR_CODES = {
  // filing and requests
  'CASEWORK.NO_GRID': { status: 400, when: 'a filing gives neither gridCode nor location' },
  'CASEWORK.UNKNOWN_GRID': { status: 400, when: 'gridCode names no grid' },
  'CASEWORK.OUTSIDE_EVERY_GRID': { status: 400, when: 'the location lies outside every grid’s boundary' },
  'CASEWORK.UNKNOWN_CATEGORY': { status: 400, when: 'categoryCode names no category' },
  'CASEWORK.GRID_SCOPE': { status: 403, when: 'the grid worker does not work in that grid (or the leader does not watch it)' },
  'CASEWORK.BAD_IDEMPOTENCY_KEY': { status: 400, when: 'the Idempotency-Key header is not 1 to 100 letters, digits, ".", "_", ":" or "-"' },
  'CASEWORK.IDEMPOTENCY_KEY_REUSED': { status: 409, when: 'the Idempotency-Key was used for a different filing' },
  'CASEWORK.IDEMPOTENCY_IN_FLIGHT': { status: 409, when: 'the first filing with this Idempotency-Key is still in progress: retry shortly' },
  'CASEWORK.REQUEST_NOT_FOUND': { status: 404, when: 'no request has this id' },
  'CASEWORK.REQUEST_SCOPE': { status: 403, when: 'the request (or its photo) is outside the caller’s grids or department' },
  'CASEWORK.REQUEST_STATE': { status: 409, when: 'the request’s status does not allow this (resolved, closed, …)' },
  'CASEWORK.MINE_WITHOUT_SCOPE': { status: 400, when: 'mine=true from an admin, who has no grids or department' },
  'CASEWORK.TRACKING_NOT_FOUND': { status: 404, when: 'no request has this tracking number' },
  // grid tasks and escalation
  'CASEWORK.NOT_A_GRID_TASK': { status: 409, when: 'a joint case cannot be resolved by the grid: its departments resolve their parts' },
  'CASEWORK.ALREADY_JOINT': { status: 409, when: 'the request is already a joint case' },
  // assignments
  'CASEWORK.ASSIGNMENT_NOT_FOUND': { status: 404, when: 'no assignment has this id' },
  'CASEWORK.ASSIGNMENT_STATE': { status: 409, when: 'the assignment’s status does not allow this' },
  'CASEWORK.ALREADY_CLAIMED': { status: 409, when: 'someone claimed it first; the message names them' },
  'CASEWORK.DEPARTMENT_SCOPE': { status: 403, when: 'the assignment or queue belongs to another department' },
  'CASEWORK.NOT_CLAIMANT': { status: 403, when: 'only the member of staff who claimed it may do this' },
  'CASEWORK.ASSISTING_PARTS_OPEN': { status: 409, when: 'the lead part cannot be resolved while assisting parts are open' },
  // returns (退单)
  'CASEWORK.REROUTE_DEPARTMENT': { status: 400, when: 'a reroute needs another department; a send-back names none' },
  'CASEWORK.UNKNOWN_DEPARTMENT': { status: 400, when: 'a department code names no department' },
  'CASEWORK.ALREADY_ASSIGNED': { status: 409, when: 'the department already has a part of this request' },
  'CASEWORK.RETURN_DECIDED': { status: 409, when: 'the return was already decided' },
  // extensions (延期)
  'CASEWORK.EXTENSION_FORM': { status: 400, when: 'give exactly one of requestedDueAt and extraWorkingHours, later than the current due time' },
  'CASEWORK.EXTENSION_PENDING': { status: 409, when: 'an extension of this assignment is already waiting for a decision' },
  'CASEWORK.PAST_DUE': { status: 409, when: 'an extension must be asked before the due time' },
  'CASEWORK.NO_PENDING_EXTENSION': { status: 409, when: 'no extension of this assignment waits for a decision' },
  'CASEWORK.NOT_LEAD': { status: 403, when: 'only the lead department (主办) or an admin decides extensions' },
  'CASEWORK.OWN_EXTENSION': { status: 403, when: 'who asked for an extension cannot decide it' },
  // whistles (吹哨报到)
  'CASEWORK.WHISTLE_NOT_FOUND': { status: 404, when: 'the request has no whistle with this id' },
  'CASEWORK.NOT_SUMMONED': { status: 403, when: 'the whistle did not summon the caller’s department' },
  'CASEWORK.ALREADY_ARRIVED': { status: 409, when: 'the department already reported its arrival; the message says who and when' },
  // duplicates
  'CASEWORK.SELF_DUPLICATE': { status: 400, when: 'a request cannot duplicate itself' },
  'CASEWORK.DUPLICATE_CATEGORY': { status: 400, when: 'a duplicate must have the original’s category' },
  'CASEWORK.DUPLICATE_IS_JOINT': { status: 409, when: 'a joint case with assignments cannot be linked as a duplicate' },
  'CASEWORK.DUPLICATE_SCOPE': { status: 403, when: 'only the grid’s workers or staff assigned to the original may link it' },
  'CASEWORK.ORIGINAL_STATE': { status: 409, when: 'the original is no longer open' },
  // routing policy and calendar
  'ROUTING.BAD_RULE': { status: 400, when: 'a routing rule is malformed; the message names the rule and field' },
  'CALENDAR.BAD_DATE': { status: 400, when: 'a holiday or make-up day is not a date in range' },
  'CALENDAR.BAD_TIME': { status: 400, when: 'a working period’s start or end is not HH:MM' },
  'CALENDAR.EMPTY_PERIOD': { status: 400, when: 'a working period ends before it starts' },
  'CALENDAR.NO_PERIODS': { status: 400, when: 'a working day needs a period' },
  'CALENDAR.PERIODS_OVERLAP': { status: 400, when: 'working periods overlap or are out of order' },
  'CALENDAR.SHORT_DAY': { status: 400, when: 'a working day is too short' },
  'CALENDAR.REPEATED_DATE': { status: 400, when: 'a date is listed twice' },
  'CALENDAR.HOLIDAY_AND_WORKDAY': { status: 400, when: 'a date is both a holiday and a make-up working day' },
  'CALENDAR.UNKNOWN_CATEGORY': { status: 404, when: 'no category has this code' },
  // photos
  'MEDIA.NOT_MULTIPART': { status: 415, when: 'the upload is not multipart/form-data' },
  'MEDIA.BAD_FORM': { status: 400, when: 'the form is malformed, holds two files or too many fields' },
  'MEDIA.NO_FILE': { status: 400, when: 'the form has no file' },
  'MEDIA.TOO_LARGE': { status: 413, when: 'the file is larger than 10 MB' },
  'MEDIA.UNSUPPORTED_TYPE': { status: 415, when: 'the file is not a JPEG, PNG, WebP or HEIC image (by its content)' },
  'MEDIA.UNREADABLE': { status: 400, when: 'the image is damaged or cut short' },
  'MEDIA.TOO_MANY': { status: 400, when: 'the request already holds 9 photos of that stage' },
  'MEDIA.ATTACH_SCOPE': { status: 403, when: 'the caller may not attach photos of that stage to this request' },
  'MEDIA.IDEMPOTENCY_KEY_REUSED': { status: 409, when: 'the Idempotency-Key was used for another upload' },
  'MEDIA.NOT_FOUND': { status: 404, when: 'no photo has this id (or its file is missing)' },
  'MEDIA.NOT_ATTACHED': { status: 400, when: 'mediaIds names a photo that is not a handling photo of this request' },
} as const satisfies ErrorCodeList;
