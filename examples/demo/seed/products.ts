/** Product archive records: the parts, fluids and services a dealer workshop sells, with tier prices per organisation. */
import { PRICE_TIERS, byCode } from './dictionaries.js';
import { ean13Check } from './ids.js';
import { ORGANISATIONS } from './places.js';
import { isoDateTime, isoDateTimeAfter, money, type Random } from './random.js';
import { VEHICLE_MODELS } from './vehicles.js';

/** One catalogue line before pricing: what a product is, in the words on its box. */
interface CatalogueItem {
  name: string;
  specification: string;
  unit: string;
  category: string;
  /** Cost in yuan, before the per-product spread. */
  cost: number;
  service?: boolean;
}

const FITMENTS = VEHICLE_MODELS.map((m) => `${m.brand} ${m.model}`);

/** Every product the demo can offer; `generateProducts` draws from it without repeats. */
function catalogue(): CatalogueItem[] {
  const items: CatalogueItem[] = [];
  // prettier-ignore
  const oils = [['美孚1号', '全合成', 1.5], ['美孚速霸', '全合成', 1.0], ['壳牌超凡喜力', '全合成', 1.4], ['壳牌喜力', '半合成', 0.8],
    ['嘉实多极护', '全合成', 1.35], ['嘉实多磁护', '全合成', 1.1], ['长城金吉星', '全合成', 0.75], ['昆仑天润', '全合成', 0.7]] as const;
  for (const [brand, base, factor] of oils)
    for (const grade of ['0W-20', '0W-30', '5W-30', '5W-40', '10W-40'])
      for (const [size, unit, litres] of [
        ['4L', 'drum', 4],
        ['1L', 'bottle', 1],
      ] as const)
        items.push({
          name: `${brand} ${base}机油`,
          specification: `${grade} SP ${size}`,
          unit,
          category: '机油',
          cost: 38 * litres * factor,
        });

  // prettier-ignore
  const tyres = [['米其林 浩悦4', 1.4], ['普利司通 泰然者T005', 1.25], ['固特异 安乘', 1.15], ['马牌 CC6', 1.2], ['倍耐力 新P7', 1.3],
    ['邓禄普 SP SPORT LM705', 1.0], ['韩泰 K117', 0.9], ['佳通 Comfort 228', 0.75], ['玲珑 舒适型', 0.7], ['朝阳 RP26', 0.65]] as const;
  // prettier-ignore
  const sizes = [['195/65R15 91H', 300], ['205/55R16 91V', 360], ['215/60R16 95V', 400], ['225/45R17 94W', 480], ['225/55R18 98V', 560],
    ['235/55R19 101V', 700], ['245/45R19 98Y', 820], ['215/55R17 94V', 450]] as const;
  for (const [brand, factor] of tyres)
    for (const [size, cost] of sizes)
      items.push({ name: `${brand} 轮胎`, specification: size, unit: 'each', category: '轮胎', cost: cost * factor });

  const filterBrands = [
    ['曼牌', 1.1],
    ['马勒', 1.05],
    ['博世', 1.0],
    ['汉格斯特', 0.95],
  ] as const;
  const filters = [
    ['机油滤清器', 28],
    ['空气滤清器', 35],
    ['空调滤清器', 40],
    ['燃油滤清器', 60],
  ] as const;
  for (const [brand, factor] of filterBrands)
    for (const [kind, cost] of filters)
      for (const fit of FITMENTS.slice(0, 22))
        items.push({
          name: `${brand}${kind}`,
          specification: `适用 ${fit}`,
          unit: 'piece',
          category: '滤清器',
          cost: cost * factor,
        });

  const padBrands = [
    ['博世', 1.0],
    ['布雷博', 1.6],
    ['菲罗多', 1.2],
    ['天合', 1.05],
  ] as const;
  for (const [brand, factor] of padBrands)
    for (const axle of ['前', '后'])
      for (const fit of FITMENTS)
        items.push({
          name: `${brand}${axle}刹车片`,
          specification: `适用 ${fit}`,
          unit: 'set',
          category: '刹车片',
          cost: (axle === '前' ? 180 : 150) * factor,
        });

  // prettier-ignore
  const batteries = [['瓦尔塔', '12V 60Ah L2-400', 420], ['瓦尔塔', '12V 70Ah L3-400', 520], ['风帆', '12V 60Ah', 330], ['骆驼', '12V 60Ah', 310], ['骆驼', '12V 80Ah', 420], ['博世', '12V 60Ah AGM', 680]] as const;
  for (const [brand, spec, cost] of batteries)
    items.push({ name: `${brand}蓄电池`, specification: spec, unit: 'piece', category: '蓄电池', cost });

  // prettier-ignore
  const small: [string, string, string, string, number][] = [
    ['NGK 铱金火花塞', 'ILKAR7B11 单支', 'piece', '火花塞', 55], ['博世 双铂金火花塞', 'FR7KPP33U+ 单支', 'piece', '火花塞', 48], ['电装 铱金火花塞', 'IK20TT 单支', 'piece', '火花塞', 52],
    ['博世 风翼无骨雨刮片', '24英寸+18英寸', 'pair', '雨刮片', 65], ['法雷奥 无骨雨刮片', '26英寸+16英寸', 'pair', '雨刮片', 58], ['3M 无骨雨刮片', '24英寸+16英寸', 'pair', '雨刮片', 52],
    ['长城 长效防冻冷却液', '-35℃ 4kg', 'drum', '防冻液', 48], ['壳牌 防冻冷却液', '-45℃ 4L', 'drum', '防冻液', 62], ['嘉实多 刹车油', 'DOT4 1L', 'bottle', '刹车油', 45],
    ['博世 刹车油', 'DOT4 0.5L', 'bottle', '刹车油', 28], ['美孚 自动变速箱油', 'ATF 320 1L', 'bottle', '变速箱油', 52], ['爱信 自动变速箱油', 'AFW+ 4L', 'drum', '变速箱油', 210],
    ['3M 玻璃水', '-25℃ 2L', 'bottle', '养护用品', 12], ['力魔 燃油系统清洁剂', '300ml', 'bottle', '养护用品', 38], ['龟牌 车蜡', '硬壳蜡 300g', 'box', '养护用品', 45],
  ];
  for (const [name, specification, unit, category, cost] of small)
    items.push({ name, specification, unit, category, cost });

  // prettier-ignore
  const services: [string, string, string, number][] = [
    ['小保养工时', '更换机油、机滤', 'time', 60], ['大保养工时', '更换机油、三滤、火花塞', 'time', 160], ['四轮定位', '含调整', 'time', 80],
    ['轮胎动平衡', '单条', 'time', 10], ['空调系统清洗', '蒸发箱清洗+杀菌', 'time', 70], ['节气门清洗', '免拆', 'time', 40],
    ['更换刹车片工时', '单轴', 'time', 50], ['钣金修复', '单面', 'time', 200], ['喷漆', '单面，进口漆', 'time', 260],
    ['发动机故障诊断', '电脑检测', 'time', 50], ['机修工时', '按小时计', 'hour', 80], ['电工工时', '按小时计', 'hour', 80],
    ['精致洗车', '内外清洁', 'time', 15], ['全车打蜡', '含清洗', 'time', 60], ['代办年检', '含上线检测', 'time', 120],
  ];
  for (const [name, specification, unit, cost] of services)
    items.push({ name, specification, unit, category: '服务项目', cost, service: true });
  return items;
}

const CATALOGUE = catalogue();

/** How many distinct products the demo catalogue holds. */
export const CATALOGUE_SIZE = CATALOGUE.length;

/** `count` products with codes CP00001…, services included, about one in ten discontinued. */
export function generateProducts(random: Random, count: number, today: number): Record<string, unknown>[] {
  if (count > CATALOGUE.length)
    throw new RangeError(`The demo catalogue holds ${CATALOGUE.length} products; asked for ${count}`);
  // Every service fits in a default catalogue; small ones keep four goods to each service.
  const services = CATALOGUE.filter((item) => item.service).slice(0, Math.floor(count / 5));
  const goods = random.sample(
    CATALOGUE.filter((item) => !item.service),
    count - services.length,
  );
  const chosen = [...services, ...goods];
  return chosen.map((item, i) => product(random, item, i + 1, today));
}

function product(random: Random, item: CatalogueItem, n: number, today: number): Record<string, unknown> {
  const code = `CP${String(n).padStart(5, '0')}`;
  const listCents = Math.round(item.cost * 100 * random.float(0.9, 1.1));
  // A service's catalogue figure is its price; what it costs the workshop is mostly labour.
  const costCents = item.service ? Math.round(listCents * random.float(0.35, 0.5)) : listCents;
  const cost = money(costCents);
  // Retail is whole yuan ending in 0 or 9; wholesale keeps its cents; member is 92% of retail.
  const direct =
    Math.ceil((listCents * (item.service ? 1 : random.float(1.35, 1.7))) / 1000) * 10 - (random.chance(0.4) ? 1 : 0);
  const wholesale = money(item.service ? direct * 85 : costCents * random.float(1.1, 1.2));
  const member = Math.round(direct * 0.92);
  const prices: Record<string, unknown>[] = [
    { tier: byCode(PRICE_TIERS, 'DIRECT').id, price: direct },
    { tier: byCode(PRICE_TIERS, 'WHOLESALE').id, price: wholesale },
    { tier: byCode(PRICE_TIERS, 'MEMBER').id, price: member },
  ];
  // Shenzhen's rents push its retail prices up; key accounts and fleets get their own tiers.
  if (random.chance(0.3))
    prices.push({
      tier: byCode(PRICE_TIERS, 'DIRECT').id,
      price: Math.round(direct * 1.05),
      organisation: ORGANISATIONS[2],
    });
  if (random.chance(0.2)) prices.push({ tier: byCode(PRICE_TIERS, 'KEYACC').id, price: money(wholesale * 103) });
  if (['机油', '轮胎', '滤清器'].includes(item.category) && random.chance(0.5)) {
    prices.push({
      tier: byCode(PRICE_TIERS, 'FLEET').id,
      price: money(wholesale * 105),
      organisation: random.pick(ORGANISATIONS),
    });
  }
  const createdAt = isoDateTime(today - random.int(30, 2500), random);
  return {
    id: `prd-${String(n).padStart(6, '0')}`,
    code,
    name: item.name,
    specification: item.specification,
    unit: item.unit,
    category: item.category,
    ...(!item.service && { barcode: barcode(random) }),
    prices,
    directPrice: direct,
    wholesalePrice: wholesale,
    memberPrice: member,
    costPrice: cost,
    ...(!item.service && random.chance(0.5) && { images: [`https://img.example.com/kehu-demo/products/${code}.jpg`] }),
    status: random.chance(0.1) ? 'discontinued' : 'active',
    createdAt,
    updatedAt: isoDateTimeAfter(createdAt, today, random),
  };
}

/** A Chinese EAN-13 (GS1 China prefixes 690–699). */
function barcode(random: Random): string {
  const first12 = `69${random.int(0, 9)}${random.chars('0123456789', 9)}`;
  return first12 + ean13Check(first12);
}
