/**
 * Chinese person and company names. The surnames are the hundred most common ones, roughly in
 * frequency order and weighted by rank, so 王, 李 and 张 dominate as they do in life.
 */
import type { Random } from './random.js';

// prettier-ignore
const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '高', '罗',
  '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '肖', '田', '董', '袁', '潘', '于', '蒋', '蔡',
  '余', '杜', '叶', '程', '苏', '魏', '吕', '丁', '任', '沈', '姚', '卢', '姜', '崔', '钟', '谭', '陆', '汪', '范', '金',
  '石', '廖', '贾', '夏', '韦', '付', '方', '白', '邹', '孟', '熊', '秦', '邱', '江', '尹', '薛', '闫', '段', '雷', '侯',
  '龙', '史', '陶', '黎', '贺', '顾', '毛', '郝', '龚', '邵', '万', '钱', '严', '覃', '武', '戴', '莫', '孔', '向', '汤',
];

/** Rank-based weights: the top surnames cover about 7% each, the tail well under 1%. */
const SURNAME_WEIGHTS = SURNAMES.map((s, rank) => [s, 100 / (rank + 6)] as const);

// prettier-ignore
const MALE_GIVEN = [
  '伟', '强', '磊', '军', '勇', '杰', '涛', '斌', '超', '明', '刚', '平', '辉', '鹏', '华', '飞', '鑫', '波', '宇', '浩',
  '凯', '健', '俊', '帆', '旭', '宁', '龙', '林', '阳', '建华', '建国', '志强', '志明', '海涛', '文博', '子轩', '浩然',
  '宇航', '俊杰', '晓东', '国强', '永强', '家豪', '天宇', '博文', '一鸣', '嘉诚', '思远', '明轩', '建军', '卫东', '振华',
];

// prettier-ignore
const FEMALE_GIVEN = [
  '芳', '娜', '敏', '静', '丽', '艳', '娟', '霞', '婷', '雪', '慧', '玲', '颖', '倩', '琳', '洁', '欣', '怡', '佳', '璐',
  '秀英', '婷婷', '晓燕', '丽娟', '雅琪', '欣怡', '梓涵', '诗涵', '思琪', '雨桐', '佳怡', '晓雪', '文静', '美玲', '春梅',
  '桂英', '海燕', '玉兰', '秀兰', '丽华', '晓红', '淑芬', '慧敏', '艳红', '雪梅', '子涵', '若曦', '梦瑶', '可欣', '静怡',
];

export interface Person {
  name: string;
  male: boolean;
}

export function personName(random: Random): Person {
  const male = random.chance(0.62); // car owners in the dealer manuals skew male
  const surname = random.weighted(SURNAME_WEIGHTS);
  const given = random.pick(male ? MALE_GIVEN : FEMALE_GIVEN);
  return { name: surname + given, male };
}

// prettier-ignore
const TRADE_NAMES = [
  '恒达', '鑫源', '华盛', '永信', '宏图', '金泰', '瑞丰', '天成', '嘉禾', '博远', '中顺', '兴隆', '长盛', '万通', '东方',
  '联创', '信诚', '德隆', '安泰', '祥和', '亿达', '顺发', '广源', '盛世', '华远', '众诚', '和信', '富康', '腾飞', '远航',
  '宏达', '新锐', '金桥', '汇通', '正阳', '凯旋', '锦程', '海纳', '卓越', '万利',
];

/** Industries for business customers, fleets first because they buy parts and service. */
export const B2B_INDUSTRIES = [
  '物流',
  '运输',
  '汽车租赁',
  '出租汽车',
  '建筑工程',
  '科技',
  '商贸',
  '实业',
  '机电设备',
  '电子商务',
  '餐饮管理',
  '物业管理',
] as const;

export const CHANNEL_INDUSTRIES = ['汽车维修', '汽车服务', '汽配', '汽车用品', '轮胎'] as const;

/** `广州市恒达物流有限公司`: city + trade name + industry + legal form. */
export function companyName(cityName: string, industry: string, random: Random): string {
  const form = random.weighted([
    ['有限公司', 12],
    ['有限责任公司', 3],
    ['股份有限公司', 1],
  ] as const);
  return `${cityName}${random.pick(TRADE_NAMES)}${industry}${form}`;
}

// prettier-ignore
export const JOB_TITLES = ['总经理', '副总经理', '采购经理', '财务经理', '车队主管', '行政主管', '办公室主任', '售后经理', '店长', '采购专员'];

/** The demo dealer group's sales reps, by organisation. */
export const SALES_REPS: Record<string, readonly string[]> = {
  总部: ['张伟', '王芳', '李娜'],
  广州分公司: ['刘洋', '陈静', '黄志强'],
  深圳分公司: ['杨磊', '林婷婷', '赵俊杰'],
  杭州分公司: ['周杰', '吴敏', '徐晓燕'],
  成都分公司: ['孙浩然', '何丽', '罗建华'],
};

// prettier-ignore
export const BANKS = ['中国工商银行', '中国建设银行', '中国农业银行', '中国银行', '交通银行', '招商银行', '中信银行', '浦发银行', '兴业银行', '平安银行', '中国民生银行'];

export const INTERNAL_UNITS = ['行政部', '售后服务部', '市场部', '销售部', '财务部', '车队'] as const;

// prettier-ignore
const MAIL_DOMAINS = ['qq.com', '163.com', '126.com', 'sina.com', 'foxmail.com', 'aliyun.com'];

/** A personal mailbox as Chinese customers actually give them: QQ numbers, or letters and digits. */
export function personalEmail(random: Random): string {
  if (random.chance(0.5)) return `${random.int(10000, 2999999999)}@qq.com`;
  const local = random.chars('abcdefghijklmnopqrstuvwxyz', random.int(3, 8)) + random.int(1, 999);
  return `${local}@${random.pick(MAIL_DOMAINS)}`;
}

/** A company mailbox on a company domain. */
export function companyEmail(random: Random): string {
  const local = random.pick(['service', 'info', 'caiwu', 'purchase', 'admin', 'sales']);
  const domain = random.chars('abcdefghijklmnopqrstuvwxyz', random.int(4, 9));
  return `${local}@${domain}.${random.pick(['com', 'com.cn', 'cn'])}`;
}

// prettier-ignore
const MOBILE_PREFIXES = [
  '130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155', '156', '157', '158',
  '159', '166', '173', '175', '176', '177', '178', '180', '181', '182', '183', '185', '186', '187', '188', '189', '191',
  '193', '195', '198', '199',
];

/** A mobile number with a real carrier prefix. */
export function mobileNumber(random: Random): string {
  return random.pick(MOBILE_PREFIXES) + random.chars('0123456789', 8);
}

/** A landline in the city's area code, written `020-87654321`. */
export function landline(areaCode: string, random: Random): string {
  return `${areaCode}-${random.int(2, 8)}${random.chars('0123456789', 7)}`;
}
