import type { AssignmentStatus } from './lifecycle';

interface Part {
  departmentCode: string;
  status: AssignmentStatus;
}

/** The departments on a case: those with a part not handed back (a returned part left the case). */
export function departmentsOnCase(parts: readonly Part[]): string[] {
  return [...new Set(parts.filter((p) => p.status !== 'returned').map((p) => p.departmentCode))].sort();
}

/** Who hears a message between 主办 and 协办: every other department on the case. */
export function messageRecipients(parts: readonly Part[], senderDepartment: string): string[] {
  return departmentsOnCase(parts).filter((code) => code !== senderDepartment);
}
