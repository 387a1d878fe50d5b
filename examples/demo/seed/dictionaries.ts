/** The dictionaries an administrator maintains in the UI, as a new dealer group would start them. */

export type DictionaryRecord = Record<string, unknown> & { id: string; code: string; name: string };

function entries<T extends Record<string, unknown>>(
  prefix: string,
  rows: readonly T[],
): (T & { id: string; order: number; active: boolean })[] {
  return rows.map((row, i) => ({
    id: `${prefix}-${String(i + 1).padStart(3, '0')}`,
    ...row,
    order: (i + 1) * 10,
    active: true,
  }));
}

export const CUSTOMER_CLASSES = entries('ccl', [
  { code: 'PERSONAL', name: '个人车主', description: '私家车车主' },
  { code: 'RIDEHAIL', name: '网约车/出租车司机', description: '营运个人车主，保养频次高' },
  { code: 'FLEET', name: '企业车队', description: '企业自有车队与公务用车' },
  { code: 'LOGISTICS', name: '物流运输企业', description: '货运、快递与租赁车队' },
  { code: 'GOV', name: '政府及事业单位' },
  { code: 'GARAGE', name: '汽车维修厂', description: '二类、三类维修企业及快修店' },
  { code: 'PARTS', name: '汽配经销商' },
  { code: 'INTERNAL', name: '内部单位', description: '集团内部部门与分公司' },
]);

export const CUSTOMER_LEVELS = entries('clv', [
  { code: 'L1', name: '钻石客户', rank: 1, description: '年消费 10 万元以上或战略客户' },
  { code: 'L2', name: '金卡客户', rank: 2, description: '年消费 3 万元以上' },
  { code: 'L3', name: '银卡客户', rank: 3, description: '年消费 5 千元以上' },
  { code: 'L4', name: '普通客户', rank: 4 },
]);

export const INSURERS = entries('ins', [
  { code: 'PICC', name: '中国人民财产保险股份有限公司', shortName: '人保财险', phone: '95518' },
  { code: 'PINGAN', name: '中国平安财产保险股份有限公司', shortName: '平安产险', phone: '95511' },
  { code: 'CPIC', name: '中国太平洋财产保险股份有限公司', shortName: '太保产险', phone: '95500' },
  { code: 'CHINALIFE', name: '中国人寿财产保险股份有限公司', shortName: '国寿财险', phone: '95519' },
  { code: 'CCIC', name: '中国大地财产保险股份有限公司', shortName: '大地保险', phone: '95590' },
  { code: 'SUNSHINE', name: '阳光财产保险股份有限公司', shortName: '阳光产险', phone: '95510' },
  { code: 'TAIPING', name: '太平财产保险有限公司', shortName: '太平财险', phone: '95589' },
  { code: 'CICP', name: '中华联合财产保险股份有限公司', shortName: '中华联合', phone: '95585' },
  { code: 'TIANAN', name: '天安财产保险股份有限公司', shortName: '天安财险', phone: '95505' },
  { code: 'HUAAN', name: '华安财产保险股份有限公司', shortName: '华安保险', phone: '95556' },
]);

/** Market shares, roughly: the big three write most motor policies. */
export const INSURER_WEIGHTS = INSURERS.map((insurer, i) => [insurer, [30, 24, 14, 7, 6, 5, 4, 4, 3, 3][i]] as const);

export const PRICE_TIERS = entries('ptr', [
  { code: 'DIRECT', name: '零售价', kind: 'direct', description: '门店对个人客户的标准价' },
  { code: 'WHOLESALE', name: '批发价', kind: 'wholesale', description: '渠道客户与汽修厂' },
  { code: 'MEMBER', name: '会员价', kind: 'member', description: 'VIP 与重要个人客户' },
  { code: 'KEYACC', name: '大客户价', kind: 'custom', description: '年度框架协议客户' },
  { code: 'FLEET', name: '车队协议价', kind: 'custom', description: '企业车队与物流客户' },
]);

/** A dictionary entry by its code; the seed's own lists, so a missing code is a programming error. */
export function byCode<T extends { code: string }>(list: readonly T[], code: string): T {
  const found = list.find((entry) => entry.code === code);
  if (!found) throw new Error(`No dictionary entry with code ${code}`);
  return found;
}
