import fc from 'fast-check';
import { changesBetween, withoutSecrets } from './audit-details';

describe('what an audit entry says about a change', () => {
  it('gives each changed field its old and new value, and leaves out what did not change', () => {
    expect(changesBetween({ role: 'grid_worker', disabled: false, departmentCode: null }, { role: 'dept_staff', disabled: false, departmentCode: 'water' })).toEqual({
      departmentCode: { from: null, to: 'water' },
      role: { from: 'grid_worker', to: 'dept_staff' },
    });
  });

  it('says what a list of plain values gained and lost, not the whole list', () => {
    const before = { holidays: ['2026-10-01', '2026-10-02', '2026-10-03'] };
    const after = { holidays: ['2026-10-02', '2026-10-03', '2026-10-04'] };
    expect(changesBetween(before, after)).toEqual({ holidays: { added: ['2026-10-04'], removed: ['2026-10-01'] } });
  });

  it('says a reordered list in full, and objects as they were and are', () => {
    expect(changesBetween({ order: ['a', 'b'] }, { order: ['b', 'a'] })).toEqual({ order: { from: ['a', 'b'], to: ['b', 'a'] } });
    expect(changesBetween({ periods: [{ start: '09:00' }] }, { periods: [{ start: '08:30' }] })).toEqual({
      periods: { from: [{ start: '09:00' }], to: [{ start: '08:30' }] },
    });
  });

  it('finds nothing between a state and itself', () => {
    fc.assert(fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (state) => expect(changesBetween(state, structuredClone(state))).toEqual({})));
  });

  it('drops passwords, hashes, tokens and keys at any depth', () => {
    const details = {
      username: 'li.lei',
      password: 'grid lamps at dusk',
      nested: { passwordHash: 'scrypt$…', accessToken: 'eyJ…', list: [{ apiKey: 'k', secret: 's', code: 'G-1' }] },
    };
    expect(withoutSecrets(details)).toEqual({ username: 'li.lei', nested: { list: [{ code: 'G-1' }] } });
  });

  it('never lets a secret-named key through, whatever the shape', () => {
    const secretKey = fc.constantFrom('password', 'newPassword', 'password_hash', 'token', 'refreshToken', 'secret', 'apiKey', 'api_key');
    const tree = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.jsonValue(),
        fc.array(tie('node'), { maxLength: 3 }),
        fc.dictionary(fc.oneof(fc.string(), secretKey), tie('node'), { maxKeys: 4 }),
      ),
    })).node;
    fc.assert(
      fc.property(tree, (value) => {
        const keys: string[] = [];
        const walk = (v: unknown): void => {
          if (Array.isArray(v)) v.forEach(walk);
          else if (v !== null && typeof v === 'object') {
            for (const [k, f] of Object.entries(v)) {
              keys.push(k);
              walk(f);
            }
          }
        };
        walk(withoutSecrets(value));
        expect(keys.filter((k) => /pass|secret|token|hash|api.?key/i.test(k))).toEqual([]);
      }),
    );
  });
});
