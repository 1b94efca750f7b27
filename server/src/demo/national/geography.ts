// Where the demo country's incubators are: a realistic weight per province (the coastal and
// university-rich provinces carry most incubators), cities with their GB/T 2260 division codes
// (for USCCs), and the Chinese name of each national STIP's city.

export interface City {
  zh: string;
  en: string;
  /** Division codes a company registered in the city may carry (districts for the big four). */
  divisions: readonly string[];
  /** Relative share of the province's incubators. */
  weight: number;
}

interface ProvinceGeo {
  /** Relative number of incubators in 2006 (Torch yearbook proportions, rounded). */
  weight: number;
  cities: readonly City[];
}

const c = (zh: string, en: string, divisions: string | readonly string[], weight = 1): City => ({
  zh,
  en,
  divisions: typeof divisions === 'string' ? [divisions] : divisions,
  weight,
});

export const GEOGRAPHY: Readonly<Record<string, ProvinceGeo>> = {
  '110000': {
    weight: 45,
    cities: [c('北京', 'Beijing', ['110108', '110105', '110101', '110102', '110106', '110114', '110115'])],
  },
  '120000': { weight: 16, cities: [c('天津', 'Tianjin', ['120116', '120104', '120101', '120111'])] },
  '130000': {
    weight: 14,
    cities: [
      c('石家庄', 'Shijiazhuang', '130100', 4),
      c('保定', 'Baoding', '130600', 2),
      c('唐山', 'Tangshan', '130200'),
      c('廊坊', 'Langfang', '131000'),
      c('秦皇岛', 'Qinhuangdao', '130300'),
    ],
  },
  '140000': {
    weight: 7,
    cities: [
      c('太原', 'Taiyuan', '140100', 4),
      c('大同', 'Datong', '140200'),
      c('长治', 'Changzhi', '140400'),
    ],
  },
  '150000': {
    weight: 5,
    cities: [
      c('呼和浩特', 'Hohhot', '150100', 2),
      c('包头', 'Baotou', '150200', 2),
      c('鄂尔多斯', 'Ordos', '150600'),
    ],
  },
  '210000': {
    weight: 22,
    cities: [
      c('沈阳', 'Shenyang', '210100', 4),
      c('大连', 'Dalian', '210200', 4),
      c('鞍山', 'Anshan', '210300'),
      c('锦州', 'Jinzhou', '210700'),
    ],
  },
  '220000': { weight: 12, cities: [c('长春', 'Changchun', '220100', 4), c('吉林', 'Jilin', '220200', 2)] },
  '230000': {
    weight: 12,
    cities: [
      c('哈尔滨', 'Harbin', '230100', 4),
      c('大庆', 'Daqing', '230600', 2),
      c('齐齐哈尔', 'Qiqihar', '230200'),
    ],
  },
  '310000': {
    weight: 40,
    cities: [c('上海', 'Shanghai', ['310115', '310104', '310110', '310112', '310107'])],
  },
  '320000': {
    weight: 60,
    cities: [
      c('南京', 'Nanjing', '320100', 5),
      c('苏州', 'Suzhou', '320500', 5),
      c('无锡', 'Wuxi', '320200', 4),
      c('常州', 'Changzhou', '320400', 3),
      c('南通', 'Nantong', '320600', 2),
      c('扬州', 'Yangzhou', '321000'),
      c('镇江', 'Zhenjiang', '321100'),
      c('徐州', 'Xuzhou', '320300'),
      c('泰州', 'Taizhou', '321200'),
    ],
  },
  '330000': {
    weight: 32,
    cities: [
      c('杭州', 'Hangzhou', '330100', 5),
      c('宁波', 'Ningbo', '330200', 3),
      c('温州', 'Wenzhou', '330300'),
      c('嘉兴', 'Jiaxing', '330400'),
      c('绍兴', 'Shaoxing', '330600'),
    ],
  },
  '340000': {
    weight: 12,
    cities: [c('合肥', 'Hefei', '340100', 4), c('芜湖', 'Wuhu', '340200'), c('蚌埠', 'Bengbu', '340300')],
  },
  '350000': {
    weight: 12,
    cities: [
      c('福州', 'Fuzhou', '350100', 3),
      c('厦门', 'Xiamen', '350200', 3),
      c('泉州', 'Quanzhou', '350500'),
    ],
  },
  '360000': {
    weight: 8,
    cities: [
      c('南昌', 'Nanchang', '360100', 4),
      c('景德镇', 'Jingdezhen', '360200'),
      c('赣州', 'Ganzhou', '360700'),
    ],
  },
  '370000': {
    weight: 35,
    cities: [
      c('济南', 'Jinan', '370100', 4),
      c('青岛', 'Qingdao', '370200', 4),
      c('淄博', 'Zibo', '370300', 2),
      c('潍坊', 'Weifang', '370700', 2),
      c('威海', 'Weihai', '371000', 2),
      c('烟台', 'Yantai', '370600', 2),
    ],
  },
  '410000': {
    weight: 14,
    cities: [
      c('郑州', 'Zhengzhou', '410100', 4),
      c('洛阳', 'Luoyang', '410300', 2),
      c('新乡', 'Xinxiang', '410700'),
    ],
  },
  '420000': {
    weight: 28,
    cities: [
      c('武汉', 'Wuhan', '420100', 8),
      c('襄樊', 'Xiangfan', '420600'),
      c('宜昌', 'Yichang', '420500'),
    ],
  },
  '430000': {
    weight: 14,
    cities: [
      c('长沙', 'Changsha', '430100', 4),
      c('株洲', 'Zhuzhou', '430200', 2),
      c('湘潭', 'Xiangtan', '430300'),
    ],
  },
  '440000': {
    weight: 38,
    cities: [
      c('广州', 'Guangzhou', '440100', 5),
      c('深圳', 'Shenzhen', '440300', 5),
      c('珠海', 'Zhuhai', '440400', 2),
      c('佛山', 'Foshan', '440600', 2),
      c('惠州', 'Huizhou', '441300'),
      c('中山', 'Zhongshan', '442000'),
      c('东莞', 'Dongguan', '441900', 2),
    ],
  },
  '450000': {
    weight: 7,
    cities: [
      c('南宁', 'Nanning', '450100', 3),
      c('桂林', 'Guilin', '450300', 2),
      c('柳州', 'Liuzhou', '450200'),
    ],
  },
  '460000': { weight: 3, cities: [c('海口', 'Haikou', '460100', 3), c('三亚', 'Sanya', '460200')] },
  '500000': { weight: 10, cities: [c('重庆', 'Chongqing', ['500107', '500108', '500112'])] },
  '510000': {
    weight: 20,
    cities: [
      c('成都', 'Chengdu', '510100', 6),
      c('绵阳', 'Mianyang', '510700', 2),
      c('德阳', 'Deyang', '510600'),
    ],
  },
  '520000': { weight: 5, cities: [c('贵阳', 'Guiyang', '520100', 3), c('遵义', 'Zunyi', '520300')] },
  '530000': { weight: 7, cities: [c('昆明', 'Kunming', '530100', 4), c('玉溪', 'Yuxi', '530400')] },
  '540000': { weight: 1, cities: [c('拉萨', 'Lhasa', '540100')] },
  '610000': {
    weight: 18,
    cities: [
      c('西安', "Xi'an", '610100', 6),
      c('宝鸡', 'Baoji', '610300', 2),
      c('杨凌', 'Yangling', '610403'),
      c('咸阳', 'Xianyang', '610400'),
    ],
  },
  '620000': { weight: 6, cities: [c('兰州', 'Lanzhou', '620100', 4), c('天水', 'Tianshui', '620500')] },
  '630000': { weight: 2, cities: [c('西宁', 'Xining', '630100')] },
  '640000': { weight: 2, cities: [c('银川', 'Yinchuan', '640100')] },
  '650000': { weight: 5, cities: [c('乌鲁木齐', 'Urumqi', '650100', 4), c('克拉玛依', 'Karamay', '650200')] },
};

export function provinceGeo(code: string): ProvinceGeo {
  const geo = GEOGRAPHY[code];
  if (!geo) throw new Error(`no geography for province ${code}`);
  return geo;
}

/** The city of a province by its Chinese name. */
export function cityOf(provinceCode: string, zh: string): City {
  const city = provinceGeo(provinceCode).cities.find((x) => x.zh === zh);
  if (!city) throw new Error(`no city ${zh} in province ${provinceCode}`);
  return city;
}

/** A national STIP's city (the reference data names it in English) as a city of our table. */
export function cityOfPark(park: { provinceCode: string; city: string }): City {
  const city = provinceGeo(park.provinceCode).cities.find((x) => x.en === park.city);
  if (!city) throw new Error(`no city for park city ${park.city}`);
  return city;
}
