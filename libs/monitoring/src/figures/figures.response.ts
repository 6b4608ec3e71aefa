/** The answer every figures endpoint gives (the dashboard codes against it). */
export interface Figures {
  scope: { kind: 'grid' | 'street' | 'department' | 'leader'; code: string };
  period: { from: string; to: string };
  counts: { filed: number; open: number; resolved: number; overdue: number; reopened: number };
  /** 0..1, or null when there is nothing to divide. */
  rates: { response: number | null; resolution: number | null; satisfaction: number | null };
  /**
   * Working minutes on the admin calendar; nearest-rank percentiles: of n times in order, the
   * median is the ⌈0.5·n⌉-th and p90 the ⌈0.9·n⌉-th, always a time that was measured.
   */
  claimTime: { medianMinutes: number | null; p90Minutes: number | null };
  resolveTime: { medianMinutes: number | null; p90Minutes: number | null };
  onTimeShare: number | null;
  daily: Array<{ day: string; filed: number; resolved: number }>;
  /** The last bucket is open-ended: toMinutes null. */
  resolveTimeHistogram: Array<{ fromMinutes: number; toMinutes: number | null; count: number }>;
}

/** A grid's figures in a leader's table: all but the daily series (its grid endpoint has that). */
export type GridFigures = Omit<Figures, 'daily'>;

export interface LeaderFigures {
  period: { from: string; to: string };
  grids: GridFigures[];
  total: Figures;
}

export interface OverdueItem {
  kind: 'request' | 'assignment';
  requestId: string;
  assignmentId: string | null;
  trackingNo: string;
  title: string;
  gridCode: string;
  departmentCode: string | null;
  /** Which deadline: claiming an assignment, or resolving the request or assignment. */
  deadline: 'claim' | 'resolve';
  dueAt: string;
  overdue: boolean;
  status: string;
  urgency: string;
}

export interface OverdueList {
  now: string;
  /** Items due up to this instant (two working hours from now) are listed as near. */
  nearUntil: string;
  items: OverdueItem[];
}
