import { hashPassword, verifyPassword } from './password';

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
    expect(await verifyPassword('correct horse batterY', stored)).toBe(false);
  });

  it('salts: the same password hashes differently each time and never appears in the hash', async () => {
    const [a, b] = await Promise.all([hashPassword('same-password'), hashPassword('same-password')]);
    expect(a).not.toEqual(b);
    expect(a).not.toContain('same-password');
  });

  it('refuses a stored value of an unknown scheme', async () => {
    expect(await verifyPassword('x', 'plain$x')).toBe(false);
  });
});
