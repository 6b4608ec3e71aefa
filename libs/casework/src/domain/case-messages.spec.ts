import { departmentsOnCase, messageRecipients } from './case-messages';

describe('messages between the departments of a case', () => {
  const parts = [
    { departmentCode: 'market', status: 'claimed' as const },
    { departmentCode: 'urban', status: 'unclaimed' as const },
    { departmentCode: 'water', status: 'returned' as const },
    { departmentCode: 'urban', status: 'resolved' as const },
  ];

  it('counts a department once and leaves out one that handed its part back', () => {
    expect(departmentsOnCase(parts)).toEqual(['market', 'urban']);
  });

  it('tells every other department on the case, not the sender', () => {
    expect(messageRecipients(parts, 'market')).toEqual(['urban']);
    expect(messageRecipients(parts, 'urban')).toEqual(['market']);
  });
});
