import fc from 'fast-check';
import { maskFreeTextFields, maskPersonalNumbers } from './personal-numbers';

describe('masking phone and ID-card numbers in free text', () => {
  it.each([
    ['13900000000', '139****0000'],
    ['请联系13912345678，谢谢', '请联系139****5678，谢谢'],
    ['tel:139 1234 5678', 'tel:139 **** 5678'],
    ['139-1234-5678 or 15800001111', '139-****-5678 or 158****1111'],
    ['+86 13912345678', '+86 139****5678'],
    ['+8613912345678', '+86139****5678'],
    ['008613912345678', '0086139****5678'],
    ['Call Tel13912345678 now', 'Call Tel139****5678 now'],
    ['全角１３９１２３４５６７８', '全角１３９****５６７８'],
    ['座机010-62345678', '座机010-****5678'],
    ['(0571)8888123', '(0571)***8123'],
    ['身份证110101199003071234', '身份证110101********1234'],
    ['ID 11010119900307123X.', 'ID 110101********123X.'],
    ['old card 110101900307123', 'old card 110101******123'],
  ])('masks %s as %s', (typed, shown) => {
    expect(maskPersonalNumbers(typed)).toBe(shown);
  });

  it.each([
    ['the hotline 12345', 'a short service number'],
    ['filed 2026-11-27 at 09:30', 'a date and a time'],
    ['6222021234567890123', 'a 19-digit card number (not a phone inside a longer number)'],
    ['139123456789', 'twelve digits: not a mobile number'],
    ['12912345678', 'an 11-digit number that no mobile network uses'],
    ['110101199013071234', 'eighteen digits whose "birth month" is 13'],
    ['G-0101 market-regulation 20261127-ABCDEFGH', 'codes and a tracking number'],
  ])('leaves %s alone (%s)', (text) => {
    expect(maskPersonalNumbers(text)).toBe(text);
  });

  const digit = fc.constantFrom(...'0123456789');
  const digits = (n: number) => fc.array(digit, { minLength: n, maxLength: n }).map((d) => d.join(''));
  const mobile = fc.tuple(fc.constantFrom('3', '4', '5', '6', '7', '8', '9'), digits(9)).map(([second, rest]) => `1${second}${rest}`);
  /** Text around a number that does not touch it with a digit. */
  const surrounding = fc.string({ maxLength: 20 }).map((s) => s.replace(/[0-9０-９]/g, ''));

  it('never lets a whole mobile number through, keeping its first 3 and last 4 digits and the text around it', () => {
    fc.assert(
      fc.property(surrounding, mobile, surrounding, (before, number, after) => {
        const masked = maskPersonalNumbers(`${before}${number}${after}`);
        expect(masked).toBe(`${maskPersonalNumbers(before)}${number.slice(0, 3)}****${number.slice(7)}${maskPersonalNumbers(after)}`);
        expect(masked).not.toContain(number);
      }),
    );
  });

  it('is idempotent and keeps the text length', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.array(mobile, { maxLength: 3 }), (text, numbers) => {
        const typed = [text, ...numbers].join(' ');
        const once = maskPersonalNumbers(typed);
        expect(maskPersonalNumbers(once)).toBe(once);
        expect(once).toHaveLength(typed.length);
      }),
    );
  });

  it('changes nothing in text without digits', () => {
    fc.assert(
      fc.property(surrounding, (text) => {
        expect(maskPersonalNumbers(text)).toBe(text);
      }),
    );
  });
});

describe('masking the free-text fields of an event payload', () => {
  it('masks titles, descriptions, addresses, notes, reasons and comments at any depth, and nothing else', () => {
    const payload = {
      assignmentId: '13912345678',
      trackingNo: '20261127-ABCDEFGH',
      title: 'Leak, call 13912345678',
      description: 'ID 110101199003071234',
      location: { lat: 40.1, lng: 117.1, address: 'Room 3, tel 010-62345678' },
      note: 'done; 13800001111',
      reason: 'not ours; ask 13800002222',
      returnReason: 'wrong department, 13800003333',
      comment: '13800004444 is happy',
      leaders: ['13800005555'],
      count: 13912345678,
      missing: null,
    };
    expect(maskFreeTextFields(payload)).toEqual({
      ...payload,
      title: 'Leak, call 139****5678',
      description: 'ID 110101********1234',
      location: { lat: 40.1, lng: 117.1, address: 'Room 3, tel 010-****5678' },
      note: 'done; 138****1111',
      reason: 'not ours; ask 138****2222',
      returnReason: 'wrong department, 138****3333',
      comment: '138****4444 is happy',
    });
    expect(payload.title).toBe('Leak, call 13912345678');
  });
});
