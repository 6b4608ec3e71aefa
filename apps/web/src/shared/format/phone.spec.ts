import { describe, expect, it } from 'vitest';
import { maskName, maskPhone } from './phone';

describe('a reporter’s contact in lists', () => {
  it('masks a mobile to its first 3 and last 4 digits', () => {
    expect(maskPhone('13912340000')).toBe('139****0000');
    expect(maskPhone('+86 139 1234 0000')).toBe('139****0000');
  });

  it('keeps a landline’s area code and last 4 digits', () => {
    expect(maskPhone('010-12345678')).toBe('010-****5678');
    expect(maskPhone('(0755) 8765 4321')).toBe('0755-****4321');
  });

  it('shows nothing of a short number and nothing for none', () => {
    expect(maskPhone('12345')).toBe('****');
    expect(maskPhone(undefined)).toBe('');
  });

  it('keeps only the family name', () => {
    expect(maskName('张三丰')).toBe('张**');
    expect(maskName('李')).toBe('*');
  });
});
