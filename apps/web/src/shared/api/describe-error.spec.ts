import { describe, expect, it } from 'vitest';
import { setLocale } from '../i18n';
import { ApiError } from './client';
import { describeError } from './describe-error';

describe('what a user reads when a call fails', () => {
  it('is the Chinese text of the error’s code, not the api’s English message', async () => {
    await setLocale('zh-CN');
    expect(describeError(new ApiError(401, 'AUTH.BAD_CREDENTIALS', 'username or password is wrong'))).toBe('用户名或密码错误');
  });

  it('says when to try again after a 429, from Retry-After', async () => {
    await setLocale('zh-CN');
    expect(describeError(new ApiError(429, 'HTTP.RATE_LIMITED', 'too many', 42))).toBe('操作过于频繁，请在 42 秒后再试');
    expect(describeError(new ApiError(429, 'AUTH.LOCKED_OUT', 'locked', 900))).toBe('登录失败次数过多，账号已暂时锁定，请在 15 分钟后再试');
  });

  it('names a network failure and an unknown code by status', async () => {
    await setLocale('zh-CN');
    expect(describeError(new ApiError(0, null, 'Failed to fetch'))).toBe('网络不可用，请检查网络后重试');
    expect(describeError(new ApiError(502, 'SOMETHING.NEW', 'x'))).toBe('操作失败（502），请稍后重试');
  });

  it('reads the error shape and Retry-After from a response', async () => {
    const response = new Response(JSON.stringify({ statusCode: 429, error: 'Too Many Requests', message: 'slow down', code: 'HTTP.RATE_LIMITED' }), {
      status: 429,
      headers: { 'Retry-After': '30', 'Content-Type': 'application/json' },
    });
    const error = await ApiError.fromResponse(response);
    expect([error.status, error.code, error.retryAfterSeconds]).toEqual([429, 'HTTP.RATE_LIMITED', 30]);
  });
});
