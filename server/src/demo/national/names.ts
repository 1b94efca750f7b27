// Realistic Chinese names: incubators by type ("<city>高新技术创业服务中心", "<university>科技园",
// "<city>留学人员创业园" …), companies ("<city><word>科技有限公司") and people (mentors, legal
// representatives). Every incubator and company name is unique.
import type { FieldCode, IncubatorType } from '@torch/shared';
import type { City } from './geography';
import type { Rng } from './prng';

const GENERAL = [
  ['高新技术创业服务中心', 'Hi-tech Innovation Service Center'],
  ['科技创业中心', 'Technology Entrepreneurship Center'],
  ['高新区科技企业孵化器', 'Hi-tech Zone Technology Business Incubator'],
  ['火炬创业园', 'Torch Venture Park'],
  ['软件园孵化器', 'Software Park Incubator'],
  ['民营科技企业孵化器', 'Private Technology Enterprise Incubator'],
  ['创新创业园', 'Innovation and Entrepreneurship Park'],
  ['经济技术开发区创业服务中心', 'Development Zone Venture Service Center'],
  ['青年创业园', 'Youth Venture Park'],
  ['科技企业孵化中心', 'Technology Business Incubation Center'],
] as const;

const SPECIALIZED_STEMS: Readonly<Record<FieldCode, readonly (readonly [string, string])[]>> = {
  electronic_information: [
    ['软件', 'Software'],
    ['集成电路设计', 'IC Design'],
    ['光电子', 'Optoelectronics'],
  ],
  biomedicine: [
    ['生物医药', 'Biomedicine'],
    ['医疗器械', 'Medical Devices'],
  ],
  aerospace: [['航空航天', 'Aerospace']],
  new_materials: [['新材料', 'New Materials']],
  high_tech_services: [
    ['科技服务', 'Technology Services'],
    ['文化科技', 'Cultural Technology'],
  ],
  new_energy: [['新能源', 'New Energy']],
  resources_environment: [['环保产业', 'Environmental Industry']],
  advanced_manufacturing: [
    ['先进制造', 'Advanced Manufacturing'],
    ['机电一体化', 'Mechatronics'],
  ],
  modern_agriculture: [['农业科技', 'Agricultural Technology']],
  other: [['创意产业', 'Creative Industry']],
};

const RETURNED = [
  ['留学人员创业园', 'Overseas Students Pioneer Park'],
  ['海外留学人员创业园', 'Overseas Returnees Venture Park'],
  ['留学生创业园', 'Returned Students Venture Park'],
] as const;

const INTERNATIONAL = [
  ['国际企业孵化器', 'International Business Incubator'],
  ['国际科技企业孵化园', 'International Technology Incubation Park'],
] as const;

/** Second sites of a name already taken: "…东区", "…二期". */
const SITES = ['东区', '西区', '南区', '北区', '二期', '三期', '四期', '五期'];

export interface IncubatorName {
  zh: string;
  en: string | null;
}

export class NameBook {
  private readonly incubators = new Set<string>();
  private readonly companies = new Set<string>();

  constructor(private readonly rng: Rng) {}

  /** Marks a fixed name (the demo incubators) as taken. */
  reserveIncubator(name: string): void {
    this.incubators.add(name);
  }

  /** Marks a fixed company name (the demo tenant) as taken. */
  reserveCompany(name: string): void {
    this.companies.add(name);
  }

  incubator(
    type: IncubatorType,
    city: City,
    extra: { university?: string; field?: FieldCode | null },
  ): IncubatorName {
    const [zhStem, enStem] = this.stem(type, extra);
    const zh = type === 'university_science_park' ? zhStem : `${city.zh}${zhStem}`;
    const en = type === 'university_science_park' ? null : `${city.en} ${enStem}`;
    for (let i = 0; ; i++) {
      const site = i === 0 ? '' : i <= SITES.length ? SITES[i - 1]! : `（${i - SITES.length + 1}）`;
      const candidate = `${zh}${site}`;
      if (!this.incubators.has(candidate)) {
        this.incubators.add(candidate);
        return { zh: candidate, en: i === 0 ? en : en && `${en} (site ${i + 1})` };
      }
    }
  }

  private stem(
    type: IncubatorType,
    extra: { university?: string; field?: FieldCode | null },
  ): readonly [string, string] {
    switch (type) {
      case 'university_science_park':
        return [`${extra.university ?? '理工大学'}科技园`, ''];
      case 'returned_scholars':
        return this.rng.pick(RETURNED);
      case 'international':
        return this.rng.pick(INTERNATIONAL);
      case 'specialized': {
        const [zh, en] = this.rng.pick(SPECIALIZED_STEMS[extra.field ?? 'other']);
        return [`${zh}专业孵化器`, `${en} Incubator`];
      }
      case 'general':
        return this.rng.pick(GENERAL);
    }
  }

  /**
   * "<city><trade name><kind>有限公司", unique nationally. Trade names (字号) have two characters
   * while a city has them to spare and grow to three and four as its two-character names run
   * out, so a big city at scale 10 still finds a free name in a few draws.
   */
  company(city: City, field: FieldCode, integratedCircuit: boolean): string {
    const kinds = integratedCircuit
      ? ['微电子有限公司', '集成电路有限公司', '半导体科技有限公司']
      : COMPANY_KINDS[field];
    for (let attempt = 0; ; attempt++) {
      const length = 2 + Math.min(2, Math.floor(attempt / DRAWS_PER_LENGTH));
      let tradeName = '';
      for (let i = 0; i < length; i++) tradeName += this.rng.pick(WORD_CHARS);
      const name = `${city.zh}${tradeName}${this.rng.pick(kinds)}`;
      if (!this.companies.has(name)) {
        this.companies.add(name);
        return name;
      }
    }
  }

  /** A person's name: surname plus a one- or two-character given name. */
  person(): string {
    const given = this.rng.chance(0.35)
      ? this.rng.pick(GIVEN)
      : `${this.rng.pick(GIVEN)}${this.rng.pick(GIVEN)}`;
    return `${this.rng.pick(SURNAMES)}${given}`;
  }
}

/** Draws of one trade-name length before trying a longer one. */
const DRAWS_PER_LENGTH = 4;

const WORD_CHARS = [
  ...'华创博远恒信中科天润金桥海纳瑞泰新锐智联云帆星辰鼎盛卓越宏图蓝光聚能安捷普同方达康源汇通启明东亿嘉德隆泽宇航众邦凯晟睿思微晶赛威拓达迈英杰美和正道星驰易诚谷盈领锋',
];

const COMPANY_KINDS: Readonly<Record<FieldCode, readonly string[]>> = {
  electronic_information: [
    '电子科技有限公司',
    '信息技术有限公司',
    '软件有限公司',
    '网络科技有限公司',
    '通信技术有限公司',
    '科技有限公司',
  ],
  biomedicine: ['生物技术有限公司', '医药科技有限公司', '生物医药有限公司', '医疗器械有限公司'],
  aerospace: ['航空科技有限公司', '航天技术有限公司'],
  new_materials: ['新材料有限公司', '材料科技有限公司', '新材料科技有限公司'],
  high_tech_services: ['科技服务有限公司', '检测技术有限公司', '技术服务有限公司', '数据科技有限公司'],
  new_energy: ['新能源科技有限公司', '节能技术有限公司', '能源科技有限公司'],
  resources_environment: ['环保科技有限公司', '环境工程有限公司', '水处理技术有限公司'],
  advanced_manufacturing: ['智能装备有限公司', '自动化技术有限公司', '机电科技有限公司', '精密机械有限公司'],
  modern_agriculture: ['农业科技有限公司', '生态农业有限公司', '种业科技有限公司'],
  other: ['科技有限公司', '科技发展有限公司'],
};

const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈',
];
const GIVEN = [
  ...'伟芳娜敏静丽强磊军洋勇艳杰涛明超华平刚建国志晓东海文博涵庆宏立新永红春梅颖琳斌宁浩鹏飞燕玲',
];
