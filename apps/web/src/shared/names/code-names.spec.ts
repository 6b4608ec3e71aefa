import { describe, expect, it } from 'vitest';
import { setLocale } from '../i18n';
import { decisionReasons, eventName, requestStatusName, routeName } from './code-names';

describe('codes shown as names', () => {
  it('names a routing decision’s rules in Chinese, and an admin’s own rule by its reason', async () => {
    await setLocale('zh-CN');
    expect(routeName('joint')).toBe('多部门联办');
    expect(decisionReasons({ rules: ['safety-risk', 'river-patrol'], reasons: ['safety risk', '河道巡查事项'] })).toEqual(['存在安全隐患', '河道巡查事项']);
  });

  it('names every timeline event type the server publishes', async () => {
    await setLocale('zh-CN');
    expect(eventName('request.feedback_recorded')).toBe('回访记录');
    expect(eventName('assignment.claimed')).toBe('部门签收');
    expect(eventName('something.new')).toBe('其他记录');
    expect(requestStatusName('in_progress')).toBe('处理中');
  });
});
