// The 31 mainland provincial-level divisions (GB/T 2260), copied from the handbook's reference/provinces.csv,
// with the Torch yearbook's four regions. Generated once; edit by hand if the reference changes.
import type { Region } from './regions';

export interface Province {
  code: string;
  abbr: string;
  nameEn: string;
  nameZh: string;
  region: Region;
}

export const PROVINCES: readonly Province[] = [
  { code: '110000', abbr: 'BJ', nameEn: 'Beijing', nameZh: '北京市', region: 'east' },
  { code: '120000', abbr: 'TJ', nameEn: 'Tianjin', nameZh: '天津市', region: 'east' },
  { code: '130000', abbr: 'HE', nameEn: 'Hebei', nameZh: '河北省', region: 'east' },
  { code: '140000', abbr: 'SX', nameEn: 'Shanxi', nameZh: '山西省', region: 'central' },
  { code: '150000', abbr: 'NM', nameEn: 'Inner Mongolia', nameZh: '内蒙古自治区', region: 'west' },
  { code: '210000', abbr: 'LN', nameEn: 'Liaoning', nameZh: '辽宁省', region: 'northeast' },
  { code: '220000', abbr: 'JL', nameEn: 'Jilin', nameZh: '吉林省', region: 'northeast' },
  { code: '230000', abbr: 'HL', nameEn: 'Heilongjiang', nameZh: '黑龙江省', region: 'northeast' },
  { code: '310000', abbr: 'SH', nameEn: 'Shanghai', nameZh: '上海市', region: 'east' },
  { code: '320000', abbr: 'JS', nameEn: 'Jiangsu', nameZh: '江苏省', region: 'east' },
  { code: '330000', abbr: 'ZJ', nameEn: 'Zhejiang', nameZh: '浙江省', region: 'east' },
  { code: '340000', abbr: 'AH', nameEn: 'Anhui', nameZh: '安徽省', region: 'central' },
  { code: '350000', abbr: 'FJ', nameEn: 'Fujian', nameZh: '福建省', region: 'east' },
  { code: '360000', abbr: 'JX', nameEn: 'Jiangxi', nameZh: '江西省', region: 'central' },
  { code: '370000', abbr: 'SD', nameEn: 'Shandong', nameZh: '山东省', region: 'east' },
  { code: '410000', abbr: 'HA', nameEn: 'Henan', nameZh: '河南省', region: 'central' },
  { code: '420000', abbr: 'HB', nameEn: 'Hubei', nameZh: '湖北省', region: 'central' },
  { code: '430000', abbr: 'HN', nameEn: 'Hunan', nameZh: '湖南省', region: 'central' },
  { code: '440000', abbr: 'GD', nameEn: 'Guangdong', nameZh: '广东省', region: 'east' },
  { code: '450000', abbr: 'GX', nameEn: 'Guangxi', nameZh: '广西壮族自治区', region: 'west' },
  { code: '460000', abbr: 'HI', nameEn: 'Hainan', nameZh: '海南省', region: 'east' },
  { code: '500000', abbr: 'CQ', nameEn: 'Chongqing', nameZh: '重庆市', region: 'west' },
  { code: '510000', abbr: 'SC', nameEn: 'Sichuan', nameZh: '四川省', region: 'west' },
  { code: '520000', abbr: 'GZ', nameEn: 'Guizhou', nameZh: '贵州省', region: 'west' },
  { code: '530000', abbr: 'YN', nameEn: 'Yunnan', nameZh: '云南省', region: 'west' },
  { code: '540000', abbr: 'XZ', nameEn: 'Tibet', nameZh: '西藏自治区', region: 'west' },
  { code: '610000', abbr: 'SN', nameEn: 'Shaanxi', nameZh: '陕西省', region: 'west' },
  { code: '620000', abbr: 'GS', nameEn: 'Gansu', nameZh: '甘肃省', region: 'west' },
  { code: '630000', abbr: 'QH', nameEn: 'Qinghai', nameZh: '青海省', region: 'west' },
  { code: '640000', abbr: 'NX', nameEn: 'Ningxia', nameZh: '宁夏回族自治区', region: 'west' },
  { code: '650000', abbr: 'XJ', nameEn: 'Xinjiang', nameZh: '新疆维吾尔自治区', region: 'west' },
];
