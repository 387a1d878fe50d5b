/**
 * A deterministic set of customers with planted duplicates, for the recall and speed tests and the
 * benchmark. Not shipped: imported by tests and `bench/` only.
 */

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬鹏辉建国文博宇浩然子轩梓涵一诺欣怡雨泽俊熙晨阳思远佳琪梦洁志强海波晓东春梅金凤立新永刚国庆雪梅丹凤';
const CITIES = [
  '广州',
  '深圳',
  '佛山',
  '东莞',
  '北京',
  '上海',
  '杭州',
  '南京',
  '成都',
  '武汉',
  '长沙',
  '西安',
  '重庆',
  '天津',
  '苏州',
  '郑州',
];
const TRADE = [
  '恒达',
  '宏远',
  '鑫源',
  '华通',
  '瑞丰',
  '佳和',
  '永盛',
  '新锐',
  '博雅',
  '天成',
  '汇丰',
  '金桥',
  '锦程',
  '安泰',
  '兴业',
  '东方',
  '正大',
  '联创',
  '海纳',
  '明辉',
];
const INDUSTRY = ['汽车贸易', '汽车服务', '物流', '科技', '实业', '商贸', '汽配', '运输', '租赁', '保险代理'];
const ROADS = [
  '天河路',
  '中山路',
  '人民路',
  '解放路',
  '建设路',
  '和平路',
  '长江路',
  '黄河路',
  '新华路',
  '滨江路',
  '工业大道',
  '环城路',
];

/** Mulberry32: small, fast and the same on every platform. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface PlantedSet {
  customers: Record<string, unknown>[];
  /** `a|b` (ids in scan order) of every planted duplicate pair. */
  planted: Set<string>;
}

const fullWidth = (text: string) => text.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/**
 * `size` customers, of which `duplicates` are variants of an earlier one: full-width characters,
 * stray spaces, `有限公司` vs `公司`, two characters swapped, a `+86` phone. Also plants hard
 * negatives: family members sharing a phone under other names.
 */
export function plantedCustomers(size: number, duplicates: number, seed = 20241105): PlantedSet {
  const next = random(seed);
  const pick = <T>(list: readonly T[] | string): T => list[Math.floor(next() * list.length)] as T;
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(next() * 10)).join('');
  const customers: Record<string, unknown>[] = [];
  const planted = new Set<string>();
  const originals = size - duplicates;
  for (let i = 0; i < originals; i++) {
    const company = next() < 0.3;
    const city = pick(CITIES);
    const name = company
      ? `${city}${pick(TRADE)}${pick(TRADE)}${pick(INDUSTRY)}有限公司`
      : `${pick(SURNAMES)}${pick(GIVEN)}${next() < 0.7 ? pick(GIVEN) : ''}`;
    const record: Record<string, unknown> = {
      id: `c${String(i).padStart(6, '0')}`,
      name,
      type: company ? 'b2b' : 'consumer',
      mobile: `1${pick('3456789')}${digits(9)}`,
      addresses: [
        {
          kind: 'delivery',
          province: '省',
          city,
          street: `${pick(ROADS)}${1 + Math.floor(next() * 999)}号${1 + Math.floor(next() * 30)}栋`,
        },
      ],
    };
    if (company) record.creditCode = `91${digits(16)}`;
    else if (next() < 0.5) record.residentId = `${digits(17)}X`;
    // A family member with the same phone and another given name: alike, but not a duplicate.
    if (!company && next() < 0.03 && i > 0) {
      const other = customers[customers.length - 1];
      if (other.type === 'consumer') record.mobile = other.mobile;
    }
    customers.push(record);
  }
  for (let d = 0; d < duplicates; d++) {
    const original = customers[Math.floor(next() * originals)];
    const copy: Record<string, unknown> = structuredClone(original);
    copy.id = `d${String(d).padStart(6, '0')}`;
    let name = String(original.name);
    const variant = d % 5;
    if (variant === 0) name = fullWidth(name.replace(/^(.)/, '$1 '));
    else if (variant === 1) name = ` ${[...name].join(next() < 0.5 ? ' ' : '')}  `;
    else if (variant === 2) name = name.endsWith('有限公司') ? name.replace(/有限公司$/, '公司') : `${name}\u3000`;
    else if (variant === 3) {
      const chars = [...name];
      const at = chars.length > 2 ? 1 + Math.floor(next() * (chars.length - 2)) : 0;
      [chars[at], chars[at + 1]] = [chars[at + 1], chars[at]];
      name = chars.join('');
    }
    copy.name = name;
    const mobile = String(original.mobile);
    if (variant === 4 || next() < 0.3)
      copy.mobile = `+86 ${mobile.slice(0, 3)} ${mobile.slice(3, 7)}-${mobile.slice(7)}`;
    // Some duplicates were keyed in with another phone: only the name and street (or an ID) tell.
    if (next() < 0.2) copy.mobile = `1${pick('3456789')}${digits(9)}`;
    customers.push(copy);
    planted.add(`${original.id}|${copy.id}`);
  }
  return { customers, planted };
}

/**
 * How well `pairs` found the planted duplicates: recall over the planted pairs, and precision
 * counting a pair right when both records come from one original (two copies of one original are
 * duplicates of each other too).
 */
export function plantedScore(
  pairs: readonly { a: string; b: string }[],
  planted: ReadonlySet<string>,
): { recall: number; precision: number; wrong: number } {
  const origin = new Map<string, string>();
  for (const key of planted) {
    const [a, b] = key.split('|');
    origin.set(b, a);
  }
  const root = (id: string) => origin.get(id) ?? id;
  const found = new Set(pairs.map((p) => `${p.a}|${p.b}`));
  const recalled = [...planted].filter((key) => found.has(key)).length;
  const correct = pairs.filter((p) => root(p.a) === root(p.b)).length;
  return {
    recall: planted.size ? recalled / planted.size : 1,
    precision: pairs.length ? correct / pairs.length : 1,
    wrong: pairs.length - correct,
  };
}
