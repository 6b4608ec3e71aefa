import {
  AttachMediaCommand,
  BlowWhistleCommand,
  ClaimAssignmentCommand,
  DecideReturnCommand,
  EscalateRequestCommand,
  FileRequestCommand,
  GiveFeedbackCommand,
  LinkDuplicateCommand,
  ReportArrivalCommand,
  RequestExtensionCommand,
  RequestResponse,
  ResolveAssignmentCommand,
  ResolveGridTaskCommand,
  ReturnAssignmentCommand,
} from '@app/casework';
import { Actor } from '@app/common';
import { UnitOfWork } from '@app/persistence';
import { CommandBus } from '@nestjs/cqrs';
import { ageMatter } from './demo-aging';
import sharp from 'sharp';
import { pointIn } from './demo-places';

/** The people who act in the sample matters. */
export interface DemoCast {
  admin: Actor;
  workerOf(gridCode: string): Actor;
  staffOf(departmentCode: string, n?: number): Actor;
}

interface Filing {
  gridCode: string;
  categoryCode: string;
  title: string;
  description: string;
  address: string;
  safetyRisk?: boolean;
  affectedPeople?: number;
  urgency?: 'low' | 'normal' | 'high' | 'critical';
  reporter?: { name: string; phone: string };
}

/** A sample matter: filed, then worked to the state it shows, then moved `weeksAgo` into the past. */
interface SampleMatter {
  weeksAgo: number;
  filing: Filing;
  work?: (m: Matter) => Promise<void>;
}

/** One matter being worked through the ordinary commands, as its users would. */
class Matter {
  /** How far the matter has been moved back so far: its filing is this long ago. */
  elapsedMinutes = 0;

  constructor(
    private readonly bus: CommandBus,
    private readonly unitOfWork: UnitOfWork,
    private readonly cast: DemoCast,
    readonly filed: RequestResponse,
  ) {}

  /** The next step happens `hours` after the last: what happened so far moves that far back. */
  async later(hours: number): Promise<void> {
    await this.unitOfWork.run((manager) => ageMatter(manager, this.filed.id, hours * 60));
    this.elapsedMinutes += hours * 60;
  }

  private get worker(): Actor {
    return this.cast.workerOf(this.filed.gridCode);
  }

  private part(role: 'lead' | 'assist'): { id: string; departmentCode: string } {
    const found = this.filed.assignments.find((a) => a.role === role);
    if (!found) throw new Error(`demo matter ${this.filed.trackingNo} has no ${role} part`);
    return found;
  }

  async claim(role: 'lead' | 'assist', n = 0): Promise<void> {
    const { id, departmentCode } = this.part(role);
    await this.bus.execute(new ClaimAssignmentCommand(this.cast.staffOf(departmentCode, n), id));
  }

  async resolvePart(role: 'lead' | 'assist', note: string, withPhoto = false, n = 0): Promise<void> {
    const { id, departmentCode } = this.part(role);
    const staff = this.cast.staffOf(departmentCode, n);
    const photos = withPhoto ? [await this.photo('handling', staff)] : [];
    await this.bus.execute(new ResolveAssignmentCommand(staff, id, note, photos));
  }

  async resolveTask(note: string, withPhoto = false): Promise<void> {
    const photos = withPhoto ? [await this.photo('handling', this.worker)] : [];
    await this.bus.execute(new ResolveGridTaskCommand(this.worker, this.filed.id, note, photos));
  }

  async feedback(resolved: boolean, satisfied: boolean, comment?: string): Promise<void> {
    await this.bus.execute(new GiveFeedbackCommand(this.worker, this.filed.id, { resolved, satisfied, comment }));
  }

  async whistle(departments: string[], note: string): Promise<string> {
    const whistle = await this.bus.execute(new BlowWhistleCommand(this.worker, this.filed.id, { departments, deadlineMinutes: 30, note }));
    return whistle.id;
  }

  async arrive(whistleId: string, departmentCode: string): Promise<void> {
    await this.bus.execute(new ReportArrivalCommand(this.cast.staffOf(departmentCode), this.filed.id, whistleId));
  }

  async returnPart(role: 'lead' | 'assist', reason: string): Promise<void> {
    const { id, departmentCode } = this.part(role);
    await this.bus.execute(new ReturnAssignmentCommand(this.cast.staffOf(departmentCode), id, reason));
  }

  async reroute(role: 'lead' | 'assist', departmentCode: string): Promise<void> {
    await this.bus.execute(new DecideReturnCommand(this.cast.admin, this.part(role).id, { action: 'reroute', departmentCode }));
  }

  async askExtension(role: 'lead' | 'assist', extraWorkingHours: number, reason: string): Promise<void> {
    const { id, departmentCode } = this.part(role);
    await this.bus.execute(new RequestExtensionCommand(this.cast.staffOf(departmentCode), id, { extraWorkingHours, reason }));
  }

  async escalate(reason: string): Promise<void> {
    const escalated = await this.bus.execute(new EscalateRequestCommand(this.worker, this.filed.id, reason));
    Object.assign(this.filed, { assignments: escalated.assignments, route: escalated.route });
  }

  async linkAsDuplicateOf(original: Matter): Promise<void> {
    await this.bus.execute(new LinkDuplicateCommand(this.worker, this.filed.id, original.filed.id));
  }

  /** A photo of the stage, attached by `by` (a plain picture: the demo has no real scenes). */
  async photo(stage: 'report' | 'handling' | 'whistle', by: Actor = this.worker): Promise<string> {
    const hue = (this.filed.trackingNo.charCodeAt(12) * 37 + (stage === 'handling' ? 120 : 0)) % 360;
    const picture = await sharp(
      Buffer.from(
        `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="480">
           <rect width="640" height="480" fill="hsl(${hue},35%,70%)"/>
           <rect y="300" width="640" height="180" fill="hsl(${hue},20%,45%)"/>
           <circle cx="500" cy="110" r="50" fill="hsl(45,90%,75%)"/>
           <rect x="120" y="140" width="24" height="200" fill="#555"/>
           <rect x="100" y="120" width="110" height="28" rx="10" fill="#777"/>
         </svg>`,
      ),
    )
      .jpeg({ quality: 70 })
      .toBuffer();
    const attached = await this.bus.execute(new AttachMediaCommand(by, this.filed.id, stage, picture, null));
    return attached.id;
  }
}

const REPORTERS = [
  { name: '王芳', phone: '13800001234' },
  { name: '李建国', phone: '13910102020' },
  { name: '张秀英', phone: '13701235678' },
  { name: '刘洋', phone: '13699998888' },
];

/**
 * A few weeks of matters in every state the screens show: grid tasks open, overdue, resolved,
 * closed and reopened; joint cases unclaimed, claimed, with a whistle, a return (退单) or an
 * extension (延期) waiting for a decision, rerouted, resolved, closed and reopened; a duplicate.
 * Categories differ within a grid, so the same-category rule routes them as their facts say.
 */
export const SAMPLE_MATTERS: SampleMatter[] = [
  {
    weeksAgo: 0,
    filing: { gridCode: 'G-0101', categoryCode: 'street-lighting', title: '滨河路12号门前路灯不亮', description: '路灯连续两晚不亮，老人夜间出行不便。', address: '滨河路12号' },
  },
  {
    weeksAgo: 0,
    filing: { gridCode: 'G-0102', categoryCode: 'garbage', title: '小区东门建筑垃圾堆放', description: '装修垃圾堆在东门外三天无人清运，占用人行道。', address: '滨河东里小区东门' },
    work: async (m) => {
      await m.photo('report');
    },
  },
  {
    weeksAgo: 1,
    filing: { gridCode: 'G-0201', categoryCode: 'street-vending', title: '兴隆菜市场门口占道经营', description: '早市摊贩占用机动车道，早高峰拥堵。', address: '兴隆街菜市场南门' },
  },
  {
    weeksAgo: 1,
    filing: { gridCode: 'G-0101', categoryCode: 'road-damage', title: '滨河路与府前街路口路面塌陷', description: '路口东侧路面塌陷约一平方米，已设置临时警示。', address: '滨河路与府前街交叉口' },
    work: async (m) => {
      await m.photo('report');
      await m.later(3);
      await m.resolveTask('已联系养护队回填修补，现场恢复通行。', true);
    },
  },
  {
    weeksAgo: 2,
    filing: { gridCode: 'G-0102', categoryCode: 'noise', title: '夜间KTV噪声扰民', description: '商业楼三层KTV每晚营业至凌晨两点，噪声明显。', address: '滨河商业楼3层' },
    work: async (m) => {
      await m.later(4);
      await m.resolveTask('已约谈经营者，承诺22点后关窗降音，安装隔音门。');
      await m.later(26);
      await m.feedback(true, true, '这几天安静多了，谢谢。');
    },
  },
  {
    weeksAgo: 2,
    filing: { gridCode: 'G-0201', categoryCode: 'street-lighting', title: '兴隆小区3号楼前路灯闪烁', description: '路灯忽明忽暗，已持续一周。', address: '兴隆小区3号楼' },
    work: async (m) => {
      await m.later(2);
      await m.resolveTask('已更换灯泡。');
      await m.later(48);
      await m.feedback(false, false, '换了以后第二天又开始闪了。');
    },
  },
  {
    weeksAgo: 0,
    filing: {
      gridCode: 'G-0101',
      categoryCode: 'food-safety',
      title: '夜市摊位疑似销售变质肉制品',
      description: '多名居民反映夜市烧烤摊肉品异味，有两人食用后腹泻。',
      address: '滨河夜市中段',
      safetyRisk: true,
      affectedPeople: 12,
      urgency: 'high',
    },
    work: async (m) => {
      await m.photo('report');
      await m.later(0.2);
      await m.whistle(['market-regulation', 'urban-management'], '请于30分钟内到滨河夜市中段报到，现场封存肉品。');
    },
  },
  {
    weeksAgo: 0,
    filing: { gridCode: 'G-0102', categoryCode: 'illegal-construction', title: '楼顶私搭彩钢房', description: '6号楼顶新搭建彩钢房约30平方米，存在安全隐患。', address: '滨河西里6号楼' },
    work: async (m) => {
      await m.later(1);
      await m.claim('lead');
    },
  },
  {
    weeksAgo: 0,
    filing: { gridCode: 'G-0201', categoryCode: 'sewage', title: '兴隆街污水井冒溢', description: '污水井冒溢，污水流入路面，气味较大。', address: '兴隆街18号' },
    work: async (m) => {
      await m.later(1);
      await m.claim('lead');
      await m.claim('assist');
      await m.later(3);
      await m.askExtension('lead', 14, '需协调管网公司清掏上游管道，所需时间较长。');
    },
  },
  {
    weeksAgo: 0,
    filing: { gridCode: 'G-0301', categoryCode: 'cooking-fumes', title: '餐馆油烟直排居民楼', description: '一楼餐馆未安装油烟净化器，油烟直排入楼道。', address: '渔阳路8号底商' },
    work: async (m) => {
      await m.later(0.5);
      await m.claim('lead');
      await m.later(1);
      await m.returnPart('assist', '该餐馆已办理许可，油烟问题不属市场监管职责，请改派。');
    },
  },
  {
    weeksAgo: 1,
    filing: {
      gridCode: 'G-0302',
      categoryCode: 'food-safety',
      title: '学校周边小卖部售卖过期零食',
      description: '家长反映学校对面小卖部货架有过期辣条。',
      address: '渔阳小学对面',
      safetyRisk: true,
      affectedPeople: 30,
    },
    work: async (m) => {
      await m.later(1);
      await m.claim('lead');
      await m.later(1);
      await m.returnPart('assist', '门店内商品问题不涉及城管职责。');
      await m.later(2);
      await m.reroute('assist', 'ecology');
    },
  },
  {
    weeksAgo: 1,
    filing: { gridCode: 'G-0101', categoryCode: 'sewage', title: '滨河路雨水箅子堵塞', description: '下雨后路面积水严重，雨水箅子被落叶和垃圾堵塞。', address: '滨河路30号' },
    work: async (m) => {
      await m.later(1);
      await m.claim('lead');
      await m.later(0.5);
      await m.claim('assist');
      await m.later(20);
      await m.resolvePart('assist', '已配合清理周边小区排水口。');
      await m.later(5);
      await m.resolvePart('lead', '已疏通雨水箅子及连接管道，积水已排除。', true);
    },
  },
  {
    weeksAgo: 3,
    filing: { gridCode: 'G-0102', categoryCode: 'illegal-construction', title: '底商违规扩建门脸', description: '底商向外扩建约2米占用公共绿地。', address: '滨河东里1号楼底商' },
    work: async (m) => {
      await m.later(1.5);
      await m.claim('lead');
      await m.claim('assist');
      await m.later(44);
      await m.resolvePart('assist', '已核查规划手续，无扩建审批。');
      await m.later(30);
      await m.resolvePart('lead', '已依法拆除违建部分，恢复绿地。');
      await m.later(24);
      await m.feedback(true, true);
    },
  },
  {
    weeksAgo: 2,
    filing: { gridCode: 'G-0301', categoryCode: 'cooking-fumes', title: '烧烤店夜间油烟扰民', description: '烧烤店露天烧烤，油烟和噪声持续到深夜。', address: '渔阳路22号' },
    work: async (m) => {
      await m.later(0.5);
      await m.claim('lead');
      await m.later(1);
      await m.claim('assist');
      await m.later(6);
      await m.resolvePart('assist', '已检查证照，经营合规。');
      await m.later(24);
      await m.resolvePart('lead', '已要求安装净化设备。');
      await m.later(48);
      await m.feedback(false, false, '设备装了但没开，晚上还是很呛。');
    },
  },
  {
    weeksAgo: 1,
    filing: {
      gridCode: 'G-0302',
      categoryCode: 'property-dispute',
      title: '电梯停运一周物业不修',
      description: '5号楼电梯停运一周，楼内有多位行动不便的老人，物业未安排维修。',
      address: '渔阳家园5号楼',
      safetyRisk: true,
      affectedPeople: 60,
    },
  },
  {
    weeksAgo: 0,
    filing: { gridCode: 'G-0302', categoryCode: 'noise', title: '工地夜间施工噪声', description: '工地晚上十一点后仍在施工。', address: '渔阳路工地', urgency: 'high' },
  },
  {
    weeksAgo: 3,
    filing: { gridCode: 'G-0302', categoryCode: 'road-damage', title: '人行道地砖松动', description: '人行道多块地砖松动，雨天溅水。', address: '渔阳路40号' },
    work: async (m) => {
      await m.later(5);
      await m.resolveTask('已重新铺设松动地砖。');
      await m.later(24);
      await m.feedback(true, true);
    },
  },
  {
    weeksAgo: 2,
    filing: { gridCode: 'G-0101', categoryCode: 'garbage', title: '河边绿地垃圾长期堆放', description: '河边绿地有人倾倒生活垃圾，网格内无法清运。', address: '滨河公园北侧' },
    work: async (m) => {
      await m.later(2);
      await m.escalate('垃圾量大，需城管协调清运车辆。');
      await m.later(1.5);
      await m.claim('lead', 1);
    },
  },
];

/** How many requests the demo county files: the sample matters and a duplicate pair. */
export const DEMO_REQUEST_COUNT = SAMPLE_MATTERS.length + 2;

/** A matter filed twice (the same broken light, reported by two residents), the second linked to the first. */
async function duplicatePair(bus: CommandBus, unitOfWork: UnitOfWork, cast: DemoCast): Promise<Matter[]> {
  const filing: Filing = { gridCode: 'G-0301', categoryCode: 'street-lighting', title: '渔阳路路灯整排不亮', description: '渔阳路东段整排路灯不亮。', address: '渔阳路东段' };
  const original = await fileMatter(bus, unitOfWork, cast, filing, 0);
  await original.later(1);
  const duplicate = await fileMatter(bus, unitOfWork, cast, { ...filing, title: '渔阳路东段晚上一片漆黑', reporter: REPORTERS[3] }, 1);
  await duplicate.linkAsDuplicateOf(original);
  return [original, duplicate];
}

async function fileMatter(bus: CommandBus, unitOfWork: UnitOfWork, cast: DemoCast, filing: Filing, n: number): Promise<Matter> {
  const { address, ...facts } = filing;
  const filed = await bus.execute(
    new FileRequestCommand(
      cast.workerOf(filing.gridCode),
      { ...facts, location: { ...pointIn(filing.gridCode, n), address }, reporter: filing.reporter ?? REPORTERS[n % REPORTERS.length] },
      null,
    ),
  );
  return new Matter(bus, unitOfWork, cast, filed);
}

/**
 * Files and works every sample matter; answers each request's id with how much further back to
 * move it (in minutes) so that it was filed its weeks ago.
 */
export async function workSampleMatters(bus: CommandBus, unitOfWork: UnitOfWork, cast: DemoCast): Promise<Array<{ requestId: string; minutesBack: number }>> {
  // Matters are apart from each other (their own request rows and locks): worked side by side, they take a second or two.
  const aged = await Promise.all(
    SAMPLE_MATTERS.map(async (sample, n) => {
      const matter = await fileMatter(bus, unitOfWork, cast, sample.filing, n);
      await sample.work?.(matter);
      return { requestId: matter.filed.id, minutesBack: sample.weeksAgo * 7 * 24 * 60 - matter.elapsedMinutes };
    }),
  );
  for (const matter of await duplicatePair(bus, unitOfWork, cast)) aged.push({ requestId: matter.filed.id, minutesBack: 0 });
  return aged;
}
