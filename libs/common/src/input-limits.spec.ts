import fc from 'fast-check';
import { inputProblem, isStorableText, MAX_INPUT_DEPTH } from './input-limits';

/** Nests `inner` in `levels` arrays. */
const nested = (levels: number, inner: unknown = 1): unknown => {
  let value = inner;
  for (let i = 0; i < levels; i++) value = [value];
  return value;
};

describe('storable text', () => {
  it('takes any well-formed text, emoji and all', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }).filter((s) => !s.includes('\u0000')), (text) => isStorableText(text)));
    expect(isStorableText('路灯坏了 💡 \uffff')).toBe(true);
  });

  it('refuses NUL and each half of a surrogate pair alone, wherever it stands', () => {
    for (const bad of ['\u0000', '\ud800', '\udfff', '\udc00\ud800', 'a\ud83d', '\ude00b']) {
      expect(isStorableText(bad)).toBe(false);
      expect(isStorableText(`text ${bad} text`)).toBe(false);
    }
  });
});

describe('inputProblem', () => {
  it('finds nothing wrong in ordinary bodies', () => {
    expect(inputProblem({ title: 'Light out', location: { lat: 40, lng: 117 }, tags: ['a', 'b'], n: null })).toBeNull();
    expect(inputProblem(undefined)).toBeNull();
    expect(inputProblem(nested(MAX_INPUT_DEPTH - 1))).toBeNull();
  });

  it('names the field holding unstorable text, as the client wrote its path', () => {
    expect(inputProblem({ rules: [{ when: { categoryCodes: ['ok', 'b\u0000d'] } }] })).toEqual({
      code: 'INPUT.UNSTORABLE_TEXT',
      message: 'rules[0].when.categoryCodes[1] must not contain NUL characters or unpaired UTF-16 surrogates',
    });
    expect(inputProblem({ location: { ['x\ud800']: 1 } })?.message).toBe(
      'location: a property name must not contain NUL characters or unpaired UTF-16 surrogates',
    );
    expect(inputProblem('G-\u0000', 'code')?.message).toMatch(/^code must not/);
    expect(inputProblem({ from: ['2026-01-01', '\u0000'] })?.message).toMatch(/^from\[1\] must not/);
  });

  it('names the first problem in the order the client wrote', () => {
    expect(inputProblem({ a: 'fine', b: '\u0000', c: '\ud800' })?.message).toMatch(/^b /);
  });

  it('refuses nesting deeper than the limit, naming the top-level field, without recursing', () => {
    expect(inputProblem(nested(MAX_INPUT_DEPTH + 1))).toEqual({ code: 'INPUT.TOO_DEEP', message: `body: nested deeper than ${MAX_INPUT_DEPTH} levels` });
    expect(inputProblem({ reporter: nested(100_000) })?.message).toBe(`reporter: nested deeper than ${MAX_INPUT_DEPTH} levels`);
  });

  it('finds every unstorable string fast-check can hide in a JSON value', () => {
    const bad = fc.constantFrom('\u0000', '\ud800', '\udc00');
    fc.assert(
      fc.property(fc.json().map((text) => JSON.parse(text) as unknown), bad, fc.nat(), (value, badChar, at) => {
        const poisoned = { ...((typeof value === 'object' && value !== null && !Array.isArray(value) ? value : { value }) as object), [`k${at}`]: `x${badChar}` };
        expect(inputProblem(poisoned)?.code).toBe('INPUT.UNSTORABLE_TEXT');
      }),
    );
  });
});
