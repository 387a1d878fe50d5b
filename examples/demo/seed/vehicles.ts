/** Vehicle archive records: real Chinese manufacturer codes, valid VINs, plates from the owner's city, insurance history. */
import type { SeededCustomer } from './customers.js';
import { CUSTOMER_CLASSES, INSURER_WEIGHTS, byCode } from './dictionaries.js';
import { vin } from './ids.js';
import { addYears, dayNumber, isoDate, isoDateTime, isoDateTimeAfter, money, type Random } from './random.js';

export interface VehicleModel {
  /** World manufacturer identifier of the Chinese plant (LSV = SAIC Volkswagen, …). */
  wmi: string;
  brand: string;
  model: string;
  /** VIN positions 4–8 for the model (position 9 is the check digit, filled in later). */
  descriptor: string;
  energy: 'ice' | 'bev' | 'phev';
  /** Engine or motor code prefix stamped on the block. */
  engine: string;
  /** Typical commercial-insurance premium range in yuan. */
  premium: readonly [number, number];
  /** First year the model was sold in China, if within the demo's eight years. */
  since?: number;
}

// prettier-ignore
export const VEHICLE_MODELS: readonly VehicleModel[] = [
  { wmi: 'LSV', brand: '大众', model: '朗逸', descriptor: 'A6C1C', energy: 'ice', engine: 'DLF', premium: [2200, 3600] },
  { wmi: 'LSV', brand: '大众', model: '帕萨特', descriptor: 'C6B3C', energy: 'ice', engine: 'DKX', premium: [3200, 5200] },
  { wmi: 'LSV', brand: '大众', model: '途观L', descriptor: 'U6A2N', energy: 'ice', engine: 'DPL', premium: [3500, 5600] },
  { wmi: 'LFV', brand: '大众', model: '速腾', descriptor: '2A2BU', energy: 'ice', engine: 'DJN', premium: [2400, 3800] },
  { wmi: 'LFV', brand: '大众', model: '迈腾', descriptor: '3A2CG', energy: 'ice', engine: 'DKV', premium: [3200, 5000] },
  { wmi: 'LFV', brand: '奥迪', model: 'A6L', descriptor: '3A24G', energy: 'ice', engine: 'DKW', premium: [5200, 8800] },
  { wmi: 'LGB', brand: '日产', model: '轩逸', descriptor: 'H12E1', energy: 'ice', engine: 'HR1', premium: [2100, 3400] },
  { wmi: 'LGB', brand: '日产', model: '奇骏', descriptor: 'K32E2', energy: 'ice', engine: 'KR1', premium: [3000, 4800] },
  { wmi: 'LBV', brand: '宝马', model: '3系', descriptor: '5U390', energy: 'ice', engine: 'B48', premium: [5000, 8200] },
  { wmi: 'LBV', brand: '宝马', model: 'X3', descriptor: '7Y710', energy: 'ice', engine: 'B48', premium: [5800, 9200] },
  { wmi: 'LSG', brand: '别克', model: '英朗', descriptor: 'B5J56', energy: 'ice', engine: 'L3G', premium: [2000, 3300] },
  { wmi: 'LSG', brand: '别克', model: 'GL8', descriptor: 'E83L5', energy: 'ice', engine: 'LXH', premium: [3800, 6000] },
  { wmi: 'LHG', brand: '本田', model: '雅阁', descriptor: 'CV163', energy: 'ice', engine: 'L15', premium: [3000, 4800] },
  { wmi: 'LVH', brand: '本田', model: 'CR-V', descriptor: 'RW183', energy: 'ice', engine: 'L15', premium: [3100, 4900] },
  { wmi: 'LVG', brand: '丰田', model: '凯美瑞', descriptor: 'B4FK2', energy: 'ice', engine: 'A25', premium: [3200, 5000] },
  { wmi: 'LFM', brand: '丰田', model: '卡罗拉', descriptor: 'A1BE5', energy: 'ice', engine: 'M20', premium: [2100, 3500] },
  { wmi: 'LE4', brand: '奔驰', model: 'C级', descriptor: 'ZFAB3', energy: 'ice', engine: 'M25', premium: [5600, 9000] },
  { wmi: 'LBE', brand: '现代', model: '伊兰特', descriptor: 'LB4AC', energy: 'ice', engine: 'G4F', premium: [1900, 3100] },
  { wmi: 'LB3', brand: '吉利', model: '星越L', descriptor: 'KE4BL', energy: 'ice', engine: 'JLH', premium: [2600, 4200], since: 2021 },
  { wmi: 'LVV', brand: '奇瑞', model: '瑞虎8', descriptor: 'DB21B', energy: 'ice', engine: 'SQR', premium: [2300, 3700] },
  { wmi: 'LGW', brand: '哈弗', model: 'H6', descriptor: 'EF6AB', energy: 'ice', engine: 'GW4', premium: [2200, 3600] },
  { wmi: 'LVS', brand: '福特', model: '锐际', descriptor: 'HFAE8', energy: 'ice', engine: 'CAF', premium: [2600, 4100] },
  { wmi: 'LGX', brand: '比亚迪', model: '秦PLUS DM-i', descriptor: 'C76C4', energy: 'phev', engine: 'BYD', premium: [2600, 4200], since: 2021 },
  { wmi: 'LGX', brand: '比亚迪', model: '汉EV', descriptor: 'F77G2', energy: 'bev', engine: 'TZ2', premium: [4200, 6800], since: 2020 },
  { wmi: 'LRW', brand: '特斯拉', model: 'Model Y', descriptor: 'YGEE3', energy: 'bev', engine: '3D7', premium: [5200, 8600], since: 2021 },
  { wmi: 'LZW', brand: '五菱', model: '宏光MINI EV', descriptor: 'ACAG1', energy: 'bev', engine: 'ZM1', premium: [900, 1600], since: 2020 },
];

// prettier-ignore
const COLORS = [['白色', 35], ['黑色', 25], ['银色', 12], ['灰色', 12], ['蓝色', 6], ['红色', 5], ['绿色', 3], ['棕色', 2]] as const;

const PLATE_CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '0123456789';

// prettier-ignore
const VEHICLE_REMARKS = ['车主要求保养提醒发短信', '曾发生追尾事故，已修复', '二手车过户', '外地牌照，常驻本地', '车辆做过全车改色贴膜', '车主习惯使用原厂机油'];

/** Vehicles for the customers that own cars: every consumer, fleets and logistics companies, internal motor pools. */
export function generateVehicles(
  random: Random,
  customers: readonly SeededCustomer[],
  today: number,
): Record<string, unknown>[] {
  const vins = new Set<string>();
  const plates = new Set<string>();
  const vehicles: Record<string, unknown>[] = [];
  for (const owner of customers) {
    for (let i = vehicleCount(random, owner); i > 0; i--) {
      vehicles.push(vehicle(random, owner, today, vins, plates));
    }
  }
  return vehicles.map((v, i) => ({ id: `veh-${String(i + 1).padStart(6, '0')}`, ...v }));
}

function vehicleCount(random: Random, owner: SeededCustomer): number {
  switch (owner.record.type) {
    case 'consumer':
      return random.chance(0.08) ? 2 : 1;
    case 'b2b':
      return ['物流', '运输', '汽车租赁', '出租汽车'].includes(owner.industry ?? '')
        ? random.int(2, 5)
        : random.chance(0.3)
          ? random.int(1, 2)
          : 0;
    case 'internal':
      return random.chance(0.5) ? 1 : 0;
    default:
      return 0;
  }
}

function vehicle(
  random: Random,
  owner: SeededCustomer,
  today: number,
  vins: Set<string>,
  plates: Set<string>,
): Record<string, unknown> {
  // Bought up to eight years ago, sometimes before the customer was entered in this system.
  const latest = Math.min(today - 3, owner.createdDay + 60);
  const purchaseDate = isoDate(
    random.int(Math.min(latest, Math.max(today - 8 * 365, owner.createdDay - 1500)), latest),
  );
  const year = Number(purchaseDate.slice(0, 4));
  const model = random.pick(VEHICLE_MODELS.filter((m) => (m.since ?? 0) <= year));
  const modelYear = purchaseDate.slice(5, 7) >= '10' && random.chance(0.5) ? year + 1 : year;
  const plant = random.chars('0123456789ABCDEFGH', 1);

  let id: string;
  do id = vin(model.wmi, model.descriptor, modelYear, plant, random.chars(DIGITS, 6));
  while (vins.has(id));
  vins.add(id);

  const usage = usageOf(owner);
  const ageYears = (today - dayNumber(purchaseDate)) / 365;
  const yearlyKm = usage === 'private' ? random.int(6000, 20000) : random.int(25000, 60000);
  // Newly bought cars often wait a few days for their plate: the archive has no plate yet.
  const plated = today - dayNumber(purchaseDate) > 20 || random.chance(0.3);
  const createdAt = isoDateTime(Math.max(owner.createdDay, dayNumber(purchaseDate)), random);

  return {
    vin: id,
    ...(plated && { plate: plate(random, owner, model, plates) }),
    brand: model.brand,
    model: model.model,
    color: random.weighted(COLORS),
    owner: owner.record.id,
    purchaseDate,
    mileage: Math.round(ageYears * yearlyKm),
    engineNumber: `${model.engine}${random.chars(DIGITS, 6)}`,
    usage,
    insurancePolicies: policies(random, owner, model, purchaseDate, today),
    ...(random.chance(0.05) && { remark: random.pick(VEHICLE_REMARKS) }),
    createdAt,
    updatedAt: isoDateTimeAfter(createdAt, today, random),
  };
}

function usageOf(owner: SeededCustomer): string {
  if (owner.record.type === 'internal') return 'official';
  if (owner.record.type === 'consumer')
    return owner.record.classification === byCode(CUSTOMER_CLASSES, 'RIDEHAIL').id ? 'commercial' : 'private';
  return owner.industry === '汽车租赁' ? 'rental' : 'commercial';
}

/** Plates follow the 2007 standard; battery and plug-in hybrid cars get the green new-energy plate (粤BD12345). */
function plate(random: Random, owner: SeededCustomer, model: VehicleModel, taken: Set<string>): string {
  const prefix = random.pick(owner.city.plates);
  let value: string;
  do {
    if (model.energy !== 'ice') {
      value = `${prefix}${model.energy === 'bev' ? 'D' : 'F'}${random.chars(PLATE_CHARS + DIGITS, 1)}${random.chars(DIGITS, 4)}`;
    } else {
      // Mostly digits, sometimes one or two letters, as issued by the self-select system.
      const letters = random.weighted([
        [0, 5],
        [1, 4],
        [2, 1],
      ] as const);
      const chars = [...random.chars(PLATE_CHARS, letters), ...random.chars(DIGITS, 5 - letters)];
      value = prefix + random.sample(chars, chars.length).join('');
    }
  } while (taken.has(value));
  taken.add(value);
  return value;
}

/**
 * Compulsory and commercial policies per yearly term since purchase, the last two terms kept. One
 * owner in seven let the latest term lapse (the lost-customer and reminder screens need some).
 */
function policies(
  random: Random,
  owner: SeededCustomer,
  model: VehicleModel,
  purchaseDate: string,
  today: number,
): Record<string, unknown>[] {
  const terms: string[] = [];
  for (let start = purchaseDate; dayNumber(start) <= today; start = addYears(start, 1)) terms.push(start);
  const lapsed = terms.length > 1 && random.chance(0.15);
  const kept = (lapsed ? terms.slice(0, -1) : terms).slice(-2);
  const financed = today - dayNumber(purchaseDate) < 3 * 365 && random.chance(0.25);
  let insurer = random.weighted(INSURER_WEIGHTS);
  const out: Record<string, unknown>[] = [];
  for (const start of kept) {
    if (random.chance(0.3)) insurer = random.weighted(INSURER_WEIGHTS); // switched insurer at renewal
    const endDate = isoDate(dayNumber(addYears(start, 1)) - 1);
    const area = owner.district[1];
    const serial = (kind: string) => `${kind}${start.slice(0, 4)}${area}${random.chars(DIGITS, 8)}`;
    const prefix =
      insurer.code === 'PICC' ? ['PDZA', 'PDAA'] : [`${insurer.code.slice(0, 2)}JQ`, `${insurer.code.slice(0, 2)}SY`];
    // No-claim discount moves the compulsory premium between 70% and 130% of the 950-yuan base.
    const compulsory = random.pick([665, 760, 855, 950, 1045, 1235]);
    out.push({
      insurer: insurer.id,
      policyNumber: serial(prefix[0]),
      kind: 'compulsory',
      startDate: start,
      endDate,
      premium: compulsory,
      autoFinance: financed,
    });
    if (random.chance(0.92)) {
      const premium = money(random.int(model.premium[0] * 100, model.premium[1] * 100));
      out.push({
        insurer: insurer.id,
        policyNumber: serial(prefix[1]),
        kind: 'commercial',
        startDate: start,
        endDate,
        premium,
        autoFinance: financed,
      });
    }
  }
  return out;
}
