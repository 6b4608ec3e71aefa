import { describe, expect, it } from 'vitest';
import { claimedFirst } from '../api/assignments';
import { i18n } from '../../shared/i18n';
import '../messages';
import { claimantName, claimLostMessage } from './claim-message';

const t = (key: string, values?: Record<string, unknown>) => i18n.global.t(key, values ?? {});

describe('who claimed first', () => {
  it('reads the details of a 409 CASEWORK.ALREADY_CLAIMED, and nothing else', () => {
    const body = { statusCode: 409, code: 'CASEWORK.ALREADY_CLAIMED', message: 'x', details: { claimedBy: 'zhang.wei', claimedAt: '2026-12-02T03:05:00.000Z' } };
    expect(claimedFirst(body)).toEqual({ claimedBy: 'zhang.wei', claimedAt: '2026-12-02T03:05:00.000Z' });
    expect(claimedFirst({ code: 'CASEWORK.ASSIGNMENT_STATE', details: { claimedBy: 'x' } })).toBeNull();
    expect(claimedFirst({ code: 'CASEWORK.ALREADY_CLAIMED' })).toBeNull();
    expect(claimedFirst(null)).toBeNull();
  });

  it('names the claimant from the users list when it may be read, else by the username given', () => {
    expect(claimantName('zhang.wei', [{ username: 'zhang.wei', displayName: '张伟' }])).toBe('张伟');
    expect(claimantName('zhang.wei', [{ username: 'zhang.wei' }])).toBe('zhang.wei');
    expect(claimantName('zhang.wei', null)).toBe('zhang.wei');
  });

  it('says in Chinese who claimed first and when, in Beijing time', () => {
    i18n.global.locale.value = 'zh-CN';
    expect(claimLostMessage({ claimedBy: 'zhang.wei', claimedAt: '2026-12-02T03:05:00.000Z' }, null, t)).toBe('签收未成功：该任务已由 zhang.wei 于 2026-12-02 11:05 签收');
    expect(claimLostMessage({ claimedBy: 'zhang.wei', claimedAt: null }, null, t)).toBe('签收未成功：该任务已由 zhang.wei 签收');
  });
});
