/**
 * A reporter's phone as every list shows it: mobiles keep their first 3 and last 4 digits
 * (139****0000), landlines their area code and last 4 (010-****5678), the rule the server applies
 * to numbers typed into free text.
 */
export function maskPhone(phone: string | null | undefined): string {
  if (!phone) return '';
  const digits = phone.replace(/\D/g, '');
  const mobile = digits.replace(/^86(?=1\d{10}$)/, '');
  if (/^1\d{10}$/.test(mobile)) return `${mobile.slice(0, 3)}****${mobile.slice(7)}`;
  const landline = /^\s*\(?(0\d{2,3})\)?[\s-]*\d+/.exec(phone);
  if (landline && digits.length >= 9) return `${landline[1]}-****${digits.slice(-4)}`;
  if (digits.length >= 7) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  return '****';
}

/** A reporter's name in lists: the family name kept (张**). */
export function maskName(name: string | null | undefined): string {
  if (!name) return '';
  const chars = [...name.trim()];
  return chars.length <= 1 ? '*' : `${chars[0]}${'*'.repeat(Math.min(chars.length - 1, 3))}`;
}
