import { i18n } from '../i18n';

/** A routing rule's name in the reader's words; a rule an admin added falls back to its own reason. */
export function ruleName(ruleId: string, fallback?: string): string {
  const key = `rule.${ruleId}`;
  return i18n.global.te(key) ? i18n.global.t(key) : (fallback ?? ruleId);
}

/** The rules of a decision with their reasons, in the reader's words. */
export function decisionReasons(decision: { rules: string[]; reasons: string[] }): string[] {
  return decision.rules.map((rule, index) => ruleName(rule, decision.reasons[index]));
}

function named(prefix: string, code: string | null | undefined): string {
  if (!code) return '';
  const key = `${prefix}.${code}`;
  return i18n.global.te(key) ? i18n.global.t(key) : code;
}

export const routeName = (route: string | null | undefined) => named('route', route);
export const requestStatusName = (status: string | null | undefined) => named('requestStatus', status);
export const assignmentStatusName = (status: string | null | undefined) => named('assignmentStatus', status);
export const assignmentRoleName = (role: string | null | undefined) => named('assignmentRole', role);
export const urgencyName = (urgency: string | null | undefined) => named('urgency', urgency);
export const attendanceName = (status: string | null | undefined) => named('attendance', status);

/** A timeline entry's type (request.filed …) as a milestone people read. */
export function eventName(type: string): string {
  const key = `event.${type}`;
  return i18n.global.te(key) ? i18n.global.t(key) : i18n.global.t('event.unknown');
}
