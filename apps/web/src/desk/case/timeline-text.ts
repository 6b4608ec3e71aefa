import { MESSAGE_POSTED } from '../api/messages';

type Translate = (key: string, values?: Record<string, unknown>) => string;

export interface TimelineEntryLike {
  type: string;
  data?: Record<string, unknown>;
}

interface Names {
  t: Translate;
  /** The milestone of an event type in the reader's words (code-names' eventName). */
  eventName: (type: string) => string;
  departmentName: (code: string) => string;
}

/**
 * One line of the case's timeline as people read it: a message between departments as
 * "<部门名>：<正文>", any other entry as its milestone and, when it names one, its department.
 */
export function timelineText(entry: TimelineEntryLike, { t, eventName, departmentName }: Names): string {
  const code = typeof entry.data?.departmentCode === 'string' ? entry.data.departmentCode : null;
  if (entry.type === MESSAGE_POSTED) {
    const body = typeof entry.data?.body === 'string' ? entry.data.body : '';
    return t('desk.case.messageLine', { department: code ? departmentName(code) : '', body });
  }
  const milestone = eventName(entry.type);
  return code ? `${milestone} · ${departmentName(code)}` : milestone;
}
