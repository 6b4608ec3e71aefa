import { describe, expect, it } from 'vitest';
import { i18n, setLocale } from '../i18n';
import { formatWorkingTimeLeft } from './working-time';

const t = (key: string, values?: Record<string, unknown>) => i18n.global.t(key, values ?? {});

describe('the working time left, in words', () => {
  it('reads hours and minutes in Chinese', async () => {
    await setLocale('zh-CN');
    expect(formatWorkingTimeLeft(200, t)).toBe('剩余 3 小时 20 分');
    expect(formatWorkingTimeLeft(45, t)).toBe('剩余 45 分');
    expect(formatWorkingTimeLeft(0, t)).toBe('剩余 不到 1 分');
  });

  it('counts a working day as 7 working hours and says how long a matter is overdue', async () => {
    await setLocale('zh-CN');
    expect(formatWorkingTimeLeft(-420, t)).toBe('已超时 1 天');
    expect(formatWorkingTimeLeft(-(420 * 2 + 90), t)).toBe('已超时 2 天 1 小时');
    expect(formatWorkingTimeLeft(420 + 30, t)).toBe('剩余 1 天');
  });

  it('follows the language switch', async () => {
    await setLocale('en-US');
    expect(formatWorkingTimeLeft(200, t)).toBe('3 h 20 min left');
    expect(formatWorkingTimeLeft(-60, t)).toBe('1 h overdue');
    await setLocale('zh-CN');
  });
});
