import { describe, expect, it } from 'vitest';
import openapi from '../../shared/api/openapi.json';
import { i18n } from '../../shared/i18n';
import '../messages';
import { noticeKindName, noticeText } from './notice-text';

const t = (key: string, values?: Record<string, unknown>) => i18n.global.t(key, values ?? {});
const te = (key: string) => i18n.global.te(key);

describe('notices in words', () => {
  it('names every notice kind the api sends in Chinese and in English, and an unknown one as 新消息', () => {
    const kinds = openapi.components.schemas.NoticeResponse.properties.kind.enum;
    expect(kinds).toContain('case_message');
    i18n.global.locale.value = 'en-US';
    for (const kind of kinds) expect(noticeKindName(kind, t, te)).not.toBe('Notice');
    i18n.global.locale.value = 'zh-CN';
    for (const kind of kinds) expect(noticeKindName(kind, t, te)).toMatch(/[\u4e00-\u9fff]/);
    for (const kind of kinds) expect(noticeKindName(kind, t, te)).not.toBe('新消息');
    expect(noticeKindName('something_else', t, te)).toBe('新消息');
  });

  it('gives a whistle summons its deadline in Beijing time', () => {
    const text = noticeText({ kind: 'whistle_summons', trackingNo: 'BH-1', title: '占道经营', data: { deadlineAt: '2026-12-02T02:30:00Z' } }, t, te);
    expect(text).toBe('吹哨召集：BH-1 占道经营（报到时限 2026-12-02 10:30）');
  });
});
