import fc from 'fast-check';
import { PASSWORD_MIN_LENGTH, passwordProblem } from './password-policy';

describe('the password policy', () => {
  it.each([
    ['12345678', 'worker', 'at least 10 characters'],
    ['password', 'worker', 'at least 10 characters'],
    ['1234567890', 'worker', 'common'],
    ['Password123', 'worker', 'common'],
    ['QWERTYUIOP', 'worker', 'common'],
    ['woaini1314', 'worker', 'common'],
    ['worker.binhe', 'worker.binhe', 'username'],
    ['Worker.Binhe-2026', 'worker.binhe', 'username'],
    ['binhe-2026', 'worker.binhe-2026-north', 'username'],
  ])('refuses %s for %s (%s)', (password, username, why) => {
    expect(passwordProblem(password, username)).toContain(why);
  });

  it('counts characters, not UTF-16 units: a Chinese passphrase of 10 characters is long enough', () => {
    expect(passwordProblem('平谷区网格化管理办法好', 'worker')).toBeNull();
    expect(passwordProblem('平谷区网格化管理办', 'worker')).toContain('at least');
  });

  it('accepts any long enough password that neither holds the username nor is held by it', () => {
    const username = fc.stringMatching(/^[a-z]{3,12}$/);
    fc.assert(
      fc.property(username, fc.stringMatching(/^[A-Za-z0-9 !-]{16,40}$/), (name, password) => {
        fc.pre(!password.toLowerCase().includes(name) && !name.includes(password.toLowerCase()));
        expect(passwordProblem(password, name)).toBeNull();
      }),
    );
  });

  it('never accepts a password shorter than the minimum', () => {
    fc.assert(fc.property(fc.string({ maxLength: PASSWORD_MIN_LENGTH - 1 }), (password) => expect(passwordProblem(password, 'x')).not.toBeNull()));
  });
});
