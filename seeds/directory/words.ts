// Parts of the generated demo records' names and descriptions, in both languages. Brand syllables are
// paired with their pinyin so the English name reads as the Chinese one does (华创 → Huachuang).

export const BRAND_SYLLABLES: readonly (readonly [string, string])[] = [
  ['华', 'hua'],
  ['创', 'chuang'],
  ['科', 'ke'],
  ['智', 'zhi'],
  ['联', 'lian'],
  ['达', 'da'],
  ['盛', 'sheng'],
  ['信', 'xin'],
  ['源', 'yuan'],
  ['云', 'yun'],
  ['瑞', 'rui'],
  ['康', 'kang'],
  ['明', 'ming'],
  ['天', 'tian'],
  ['宏', 'hong'],
  ['博', 'bo'],
  ['恒', 'heng'],
  ['泰', 'tai'],
  ['辰', 'chen'],
  ['凯', 'kai'],
  ['鹏', 'peng'],
  ['嘉', 'jia'],
  ['海', 'hai'],
  ['启', 'qi'],
  ['航', 'hang'],
  ['迅', 'xun'],
  ['卓', 'zhuo'],
  ['拓', 'tuo'],
  ['易', 'yi'],
  ['美', 'mei'],
  ['景', 'jing'],
  ['汇', 'hui'],
  ['昊', 'hao'],
  ['粤', 'yue'],
  ['穗', 'sui'],
  ['珠', 'zhu'],
  ['星', 'xing'],
  ['光', 'guang'],
  ['朗', 'lang'],
  ['健', 'jian'],
  ['峰', 'feng'],
  ['森', 'sen'],
  ['诺', 'nuo'],
  ['维', 'wei'],
  ['聚', 'ju'],
  ['众', 'zhong'],
  ['力', 'li'],
  ['腾', 'teng'],
];

type TSectorWords = Readonly<{
  en: string;
  zh: string;
  /** Company name endings: [zh, en]. */
  trades: readonly (readonly [string, string])[];
  /** What such a company works on: [zh, en]. */
  topics: readonly (readonly [string, string])[];
}>;

export const SECTOR_WORDS: Readonly<Record<string, TSectorWords>> = {
  next_gen_it: {
    en: 'next-generation information technology',
    zh: '新一代信息技术',
    trades: [
      ['信息科技', 'Information Technology'],
      ['软件', 'Software'],
      ['网络科技', 'Network Technology'],
      ['智能科技', 'Intelligent Technology'],
      ['数据科技', 'Data Technology'],
      ['电子', 'Electronics'],
    ],
    topics: [
      ['人工智能', 'artificial intelligence'],
      ['大数据', 'big data'],
      ['云计算', 'cloud computing'],
      ['物联网', 'Internet of Things'],
      ['集成电路', 'integrated circuits'],
      ['网络安全', 'network security'],
      ['语音识别', 'speech recognition'],
      ['区块链', 'blockchain'],
    ],
  },
  high_end_equipment: {
    en: 'high-end equipment manufacturing',
    zh: '高端装备制造',
    trades: [
      ['智能装备', 'Intelligent Equipment'],
      ['精密机械', 'Precision Machinery'],
      ['自动化', 'Automation'],
      ['机器人', 'Robotics'],
    ],
    topics: [
      ['工业机器人', 'industrial robots'],
      ['数控机床', 'CNC machine tools'],
      ['智能制造', 'smart manufacturing'],
      ['无人机', 'drones'],
      ['轨道交通装备', 'rail transit equipment'],
    ],
  },
  new_materials: {
    en: 'new materials',
    zh: '新材料',
    trades: [
      ['新材料', 'New Materials'],
      ['高分子材料', 'Polymer Materials'],
      ['纳米科技', 'Nanotechnology'],
    ],
    topics: [
      ['石墨烯', 'graphene'],
      ['改性塑料', 'modified plastics'],
      ['稀土材料', 'rare-earth materials'],
      ['电子化学品', 'electronic chemicals'],
      ['复合材料', 'composite materials'],
    ],
  },
  biotech: {
    en: 'biotechnology and medicine',
    zh: '生物医药',
    trades: [
      ['生物科技', 'Biotechnology'],
      ['医药科技', 'Pharmaceutical Technology'],
      ['医疗器械', 'Medical Devices'],
      ['基因科技', 'Gene Technology'],
    ],
    topics: [
      ['基因检测', 'gene testing'],
      ['体外诊断', 'in-vitro diagnostics'],
      ['再生医学', 'regenerative medicine'],
      ['中药现代化', 'modern Chinese medicine'],
      ['细胞治疗', 'cell therapy'],
      ['医学影像', 'medical imaging'],
    ],
  },
  new_energy_vehicles: {
    en: 'new-energy vehicles',
    zh: '新能源汽车',
    trades: [
      ['新能源汽车科技', 'New Energy Vehicle Technology'],
      ['动力电池', 'Power Battery'],
      ['汽车电子', 'Automotive Electronics'],
    ],
    topics: [
      ['电机控制', 'motor control'],
      ['无人驾驶', 'driverless technology'],
      ['动力电池', 'power batteries'],
      ['充电桩', 'charging piles'],
    ],
  },
  new_energy: {
    en: 'new energy',
    zh: '新能源',
    trades: [
      ['新能源', 'New Energy'],
      ['光伏科技', 'Photovoltaic Technology'],
      ['储能科技', 'Energy Storage Technology'],
    ],
    topics: [
      ['光伏发电', 'solar power'],
      ['储能系统', 'energy storage systems'],
      ['氢能', 'hydrogen energy'],
      ['智能电网', 'smart grids'],
    ],
  },
  energy_saving_environment: {
    en: 'energy saving and environmental protection',
    zh: '节能环保',
    trades: [
      ['环保科技', 'Environmental Technology'],
      ['节能科技', 'Energy Saving Technology'],
      ['水处理', 'Water Treatment'],
    ],
    topics: [
      ['污水处理', 'wastewater treatment'],
      ['固废处理', 'solid waste treatment'],
      ['节能照明', 'energy-saving lighting'],
      ['环境监测', 'environmental monitoring'],
    ],
  },
  digital_creative: {
    en: 'digital creative industries',
    zh: '数字创意',
    trades: [
      ['文化创意', 'Creative Media'],
      ['数字科技', 'Digital Technology'],
      ['动漫', 'Animation'],
      ['游戏科技', 'Game Technology'],
    ],
    topics: [
      ['动漫设计', 'animation design'],
      ['虚拟现实', 'virtual reality'],
      ['数字出版', 'digital publishing'],
      ['网络游戏', 'online games'],
    ],
  },
  related_services: {
    en: 'related technology services',
    zh: '相关服务业',
    trades: [
      ['科技服务', 'Technology Services'],
      ['检测技术', 'Testing Technology'],
      ['知识产权服务', 'Intellectual Property Services'],
      ['技术转移', 'Technology Transfer'],
    ],
    topics: [
      ['检验检测', 'testing and certification'],
      ['专利代理', 'patent agency'],
      ['技术咨询', 'technical consulting'],
      ['科技金融', 'technology finance'],
    ],
  },
};

export const DISTRICT_WORDS: Readonly<Record<string, readonly [string, string]>> = {
  yuexiu: ['越秀区', 'Yuexiu'],
  haizhu: ['海珠区', 'Haizhu'],
  liwan: ['荔湾区', 'Liwan'],
  tianhe: ['天河区', 'Tianhe'],
  baiyun: ['白云区', 'Baiyun'],
  huangpu: ['黄埔区', 'Huangpu'],
  panyu: ['番禺区', 'Panyu'],
  huadu: ['花都区', 'Huadu'],
  nansha: ['南沙区', 'Nansha'],
  conghua: ['从化区', 'Conghua'],
  zengcheng: ['增城区', 'Zengcheng'],
};

/** Research fields of generated institutes and laboratories: [zh, en, sector]. */
export const RESEARCH_FIELDS: readonly (readonly [string, string, string])[] = [
  ['智能制造', 'Intelligent Manufacturing', 'high_end_equipment'],
  ['工业设计', 'Industrial Design', 'high_end_equipment'],
  ['精细化工', 'Fine Chemicals', 'new_materials'],
  ['功能材料', 'Functional Materials', 'new_materials'],
  ['生物工程', 'Bioengineering', 'biotech'],
  ['医疗器械', 'Medical Devices', 'biotech'],
  ['农业生物技术', 'Agricultural Biotechnology', 'biotech'],
  ['软件技术', 'Software Technology', 'next_gen_it'],
  ['电子信息', 'Electronic Information', 'next_gen_it'],
  ['新能源技术', 'New Energy Technology', 'new_energy'],
  ['环境科学', 'Environmental Science', 'energy_saving_environment'],
  ['水产科学', 'Aquatic Science', 'biotech'],
  ['计量检测', 'Metrology and Testing', 'related_services'],
  ['科技情报', 'Science and Technology Information', 'related_services'],
  ['汽车技术', 'Automotive Technology', 'new_energy_vehicles'],
  ['数字媒体', 'Digital Media', 'digital_creative'],
];

export const SURNAMES: readonly (readonly [string, string])[] = [
  ['陈', 'Chen'],
  ['李', 'Li'],
  ['黄', 'Huang'],
  ['张', 'Zhang'],
  ['梁', 'Liang'],
  ['刘', 'Liu'],
  ['林', 'Lin'],
  ['王', 'Wang'],
  ['吴', 'Wu'],
  ['何', 'He'],
  ['郑', 'Zheng'],
  ['罗', 'Luo'],
  ['谢', 'Xie'],
  ['杨', 'Yang'],
  ['周', 'Zhou'],
];

export const GIVEN_NAMES: readonly (readonly [string, string])[] = [
  ['伟', 'Wei'],
  ['敏', 'Min'],
  ['静', 'Jing'],
  ['志强', 'Zhiqiang'],
  ['晓东', 'Xiaodong'],
  ['海燕', 'Haiyan'],
  ['建华', 'Jianhua'],
  ['丽娟', 'Lijuan'],
  ['文博', 'Wenbo'],
  ['思远', 'Siyuan'],
  ['嘉欣', 'Jiaxin'],
  ['国栋', 'Guodong'],
  ['雪梅', 'Xuemei'],
  ['子轩', 'Zixuan'],
  ['永明', 'Yongming'],
  ['慧琳', 'Huilin'],
];
