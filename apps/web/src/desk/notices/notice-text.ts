import type { Notice } from '../../shared/api/notices';
import { countyDateTime } from '../../shared/format/county-time';

type Translate = (key: string, values?: Record<string, unknown>) => string;
type Exists = (key: string) => boolean;

/** A notice's kind in the reader's words; a kind this app does not know yet reads 新消息. */
export function noticeKindName(kind: string, t: Translate, te: Exists): string {
  const key = `noticeKind.${kind}`;
  return te(key) ? t(key) : t('noticeKind.other');
}

/** What the notice says: kind, tracking number and title, and for a summons its deadline in county time. */
export function noticeText(notice: Pick<Notice, 'kind' | 'trackingNo' | 'title' | 'data'>, t: Translate, te: Exists): string {
  const line = t('desk.notices.line', { kind: noticeKindName(notice.kind, t, te), trackingNo: notice.trackingNo, title: notice.title });
  const deadline = notice.data?.deadlineAt;
  if (notice.kind === 'whistle_summons' && typeof deadline === 'string') {
    return `${line}（${t('desk.notices.whistleDeadline', { time: countyDateTime(deadline) })}）`;
  }
  return line;
}
