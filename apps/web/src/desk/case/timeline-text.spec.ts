import { describe, expect, it } from 'vitest';
import { i18n } from '../../shared/i18n';
import '../messages';
import { eventName } from '../../shared/names/code-names';
import { timelineText } from './timeline-text';

const names = {
  t: (key: string, values?: Record<string, unknown>) => i18n.global.t(key, values ?? {}),
  eventName,
  departmentName: (code: string) => ({ market: '市场监管局', urban: '城市管理局' })[code] ?? code,
};

describe('the case timeline in words', () => {
  it('shows a message between departments as <部门名>：<正文>', () => {
    i18n.global.locale.value = 'zh-CN';
    const entry = { type: 'request.message_posted', data: { departmentCode: 'urban', body: '已到现场，需市场监管配合' } };
    expect(timelineText(entry, names)).toBe('城市管理局：已到现场，需市场监管配合');
  });

  it('shows milestones in Chinese with the department by name, never a code', () => {
    expect(timelineText({ type: 'assignment.claimed', data: { departmentCode: 'market' } }, names)).toBe('部门签收 · 市场监管局');
    expect(timelineText({ type: 'request.filed' }, names)).toBe('网格员上报');
    expect(timelineText({ type: 'media.attached', data: { stage: 'handling' } }, names)).toBe('上传照片');
    expect(timelineText({ type: 'request.something_new' }, names)).toBe('其他记录');
  });
});
