/**
 * The demo county's places and people: two streets (街道) of a small county town around 40.14 N,
 * 117.12 E, five grids with their boundaries, six departments with staff in each, and the
 * categories of matters a county's 12345 and 网格 systems see most. Codes stay short and Latin
 * (they appear in URLs and topics); every name is Chinese.
 */
type Ring = number[][];

/** A grid's boundary: a slightly irregular pentagon over the box [west, south]–[east, north], closed. */
function boundary(west: number, south: number, east: number, north: number): { type: 'Polygon'; coordinates: Ring[] } {
  const midLng = +(west + (east - west) * 0.55).toFixed(4);
  const ring = [
    [west, south],
    [east, south],
    [east, north],
    [midLng, +(north + 0.0012).toFixed(4)],
    [west, north],
    [west, south],
  ];
  return { type: 'Polygon', coordinates: [ring] };
}

export const DEMO_STREETS = [
  { code: 'S-PG01', name: '滨河街道' },
  { code: 'S-PG02', name: '渔阳街道' },
];

export const DEMO_GRIDS = [
  { code: 'G-0101', name: '滨河社区第一网格', streetCode: 'S-PG01', boundary: boundary(117.11, 40.14, 117.12, 40.148) },
  { code: 'G-0102', name: '滨河社区第二网格', streetCode: 'S-PG01', boundary: boundary(117.12, 40.14, 117.13, 40.148) },
  { code: 'G-0201', name: '兴隆社区第一网格', streetCode: 'S-PG01', boundary: boundary(117.11, 40.132, 117.12, 40.14) },
  { code: 'G-0301', name: '渔阳社区第一网格', streetCode: 'S-PG02', boundary: boundary(117.12, 40.132, 117.13, 40.14) },
  { code: 'G-0302', name: '渔阳社区第二网格', streetCode: 'S-PG02', boundary: boundary(117.13, 40.132, 117.14, 40.14) },
];

/** A point well inside a grid, for the sample matters' locations. */
export function pointIn(gridCode: string, nudge = 0): { lat: number; lng: number } {
  const grid = DEMO_GRIDS.find((g) => g.code === gridCode);
  if (!grid) throw new Error(`no demo grid ${gridCode}`);
  const [[west, south], [east], [, north]] = grid.boundary.coordinates[0];
  return { lat: +(south + (north - south) * (0.3 + 0.1 * (nudge % 5))).toFixed(5), lng: +(west + (east - west) * (0.3 + 0.08 * (nudge % 5))).toFixed(5) };
}

export const DEMO_DEPARTMENTS = [
  { code: 'market-regulation', name: '区市场监督管理局' },
  { code: 'urban-management', name: '区城市管理综合行政执法局' },
  { code: 'housing', name: '区住房和城乡建设委员会' },
  { code: 'ecology', name: '区生态环境局' },
  { code: 'water', name: '区水务局' },
  { code: 'transport', name: '区交通局' },
];

export const DEMO_CATEGORIES = [
  { code: 'street-lighting', name: '路灯损坏', leadDepartment: 'urban-management', assistingDepartments: [] },
  { code: 'garbage', name: '垃圾堆放', leadDepartment: 'urban-management', assistingDepartments: [] },
  { code: 'street-vending', name: '占道经营', leadDepartment: 'urban-management', assistingDepartments: [] },
  { code: 'noise', name: '噪声扰民', leadDepartment: 'ecology', assistingDepartments: [] },
  { code: 'road-damage', name: '道路破损', leadDepartment: 'transport', assistingDepartments: [] },
  { code: 'property-dispute', name: '物业纠纷', leadDepartment: 'housing', assistingDepartments: [] },
  { code: 'food-safety', name: '食品安全', leadDepartment: 'market-regulation', assistingDepartments: ['urban-management'] },
  { code: 'illegal-construction', name: '违法建设', leadDepartment: 'urban-management', assistingDepartments: ['housing'] },
  { code: 'sewage', name: '污水外溢', leadDepartment: 'water', assistingDepartments: ['housing'] },
  { code: 'cooking-fumes', name: '餐饮油烟', leadDepartment: 'ecology', assistingDepartments: ['market-regulation'] },
];

export const DEMO_USERS = [
  { username: 'worker.binhe', role: 'grid_worker' as const, gridCodes: ['G-0101', 'G-0102'] },
  { username: 'worker.xinglong', role: 'grid_worker' as const, gridCodes: ['G-0201'] },
  { username: 'worker.yuyang', role: 'grid_worker' as const, gridCodes: ['G-0301', 'G-0302'] },
  { username: 'staff.market', role: 'dept_staff' as const, departmentCode: 'market-regulation' },
  { username: 'staff.urban', role: 'dept_staff' as const, departmentCode: 'urban-management' },
  { username: 'staff.urban2', role: 'dept_staff' as const, departmentCode: 'urban-management' },
  { username: 'staff.housing', role: 'dept_staff' as const, departmentCode: 'housing' },
  { username: 'staff.ecology', role: 'dept_staff' as const, departmentCode: 'ecology' },
  { username: 'staff.water', role: 'dept_staff' as const, departmentCode: 'water' },
  { username: 'staff.transport', role: 'dept_staff' as const, departmentCode: 'transport' },
  { username: 'leader.street', role: 'leader' as const, gridCodes: ['G-0101', 'G-0102', 'G-0201'] },
  { username: 'leader.yuyang', role: 'leader' as const, gridCodes: ['G-0301', 'G-0302'] },
];

export const ROLE_NAMES: Record<string, string> = { admin: '管理员', grid_worker: '网格员', dept_staff: '部门工作人员', leader: '挂点领导', dispatcher: '分办员' };
