import { defineMessages } from '../../platform/i18n/messages.ts';

const en = {
  'portal.home.title': 'Guangzhou’s innovation ecosystem',
  'portal.home.lead':
    'Universities, research institutes, incubators, high-tech enterprises, investors and talent: one place to find them, follow the news, and see the figures that show whether the ecosystem works.',
  'portal.home.audiences': 'Information for you',
  'portal.home.explore': 'Explore',
  'portal.home.directoryCard': 'Universities, institutes, labs, incubators, enterprises and investors.',
  'portal.home.statisticsCard': 'Figures with their sources and dates.',
  'portal.home.newsCard': 'City news, policies and announcements.',
  'portal.audience.government.title': 'For government',
  'portal.audience.government.card':
    'Commission staff and district offices: programmes, statistics and verification.',
  'portal.audience.government.lead':
    'For commission staff and district offices that run the innovation ecosystem: the figures that show how it is doing, the organisations in it, and the programmes and events the commission runs.',
  'portal.audience.residents.title': 'For residents',
  'portal.audience.residents.card': 'News, events and the organisations in your city.',
  'portal.audience.residents.lead':
    'For people who live here: what is happening in the city’s science and technology, events open to the public, and the universities and institutes nearby.',
  'portal.audience.visitors.title': 'For visitors and foreign talent',
  'portal.audience.visitors.card': 'Talent programmes, events and where to start.',
  'portal.audience.visitors.lead':
    'For visitors, returning students and foreign talent: talent green cards and talent programmes, fairs and forums, and the places where research and startups meet.',
  'portal.audience.business.title': 'For business',
  'portal.audience.business.card': 'Startups, enterprises and investors: partners, capital and support.',
  'portal.audience.business.lead':
    'For startups, enterprises and investors: research results ready for the market, startup fairs and venture-capital weeks, funding programmes and certifications.',
  'portal.audience.notBuilt':
    'Programmes you can apply to and upcoming events arrive with the programmes and events modules.',
  'portal.about.title': 'About Ecosphere',
  'portal.about.lead':
    'Ecosphere is open-source software that a city or region runs to grow its innovation ecosystem: a bilingual portal, and the registry, marketplace, events, programmes and statistics behind it.',
  'portal.about.loopTitle': 'What it is for',
  'portal.about.loop':
    'It follows research results from the lab to the market in one system: a result is published, matched with a company or investor, discussed at a meeting, signed as an agreement, and counted in the statistics.',
  'portal.about.demoTitle': 'This demonstration',
  'portal.about.demo':
    'This site is modelled on Guangzhou’s “innovative ecosphere”. Its figures and named organisations come from the article “Guangzhou’s innovative ecosphere gaining momentum” on the Guangzhou municipal portal (English edition, updated 26 September 2017).',
  'portal.about.statusTitle': 'What works today',
  'portal.about.status':
    'The portal shell in English and Chinese, the news list and articles, the demonstration directory, and the statistics table with sources. Accounts, the newsroom workflow, directory search and imports, indicator charts and open data, the marketplace, matching, events and programmes are being built.',
  'portal.about.sourcesTitle': 'Data sources and licences',
  'portal.about.sourceArticle':
    '“Guangzhou’s innovative ecosphere gaining momentum”, Guangzhou municipal portal (English edition), updated 26 September 2017. The article credits the Guangzhou Commission of Science and Technology Innovation, the CPC Guangzhou Publicity Department and published reports. Figures are facts, reproduced with their source and as-of date.',
  'portal.about.sourceSoftware': 'Ecosphere software: MIT licence.',
  'portal.search.title': 'Search',
  'portal.search.resultsFor': 'Results for “{q}”',
  'portal.search.prompt':
    'Type a word in English or Chinese to search news, organisations, figures and help answers.',
  'portal.search.none': 'Nothing matched “{q}”. Check the spelling or try a shorter word.',
  'portal.search.news': 'News ({count})',
  'portal.search.organizations': 'Organisations ({count})',
  'portal.search.figures': 'Figures ({count})',
  'portal.search.help': 'Help answers ({count})',
  'portal.search.tooLong': 'The search text is too long: use at most 200 characters.',
  'portal.search.scope':
    'Search looks for your words in titles and names, and in the questions and answers of the Help Center. Full-text search with filters arrives with the directory module.',
} as const;

type K = keyof typeof en;

const zh: Record<K, string> = {
  'portal.home.title': '广州创新生态圈',
  'portal.home.lead':
    '高校、科研院所、孵化器、高新技术企业、投资机构与人才汇聚于此：查找机构、了解动态、用数据衡量创新生态的成效。',
  'portal.home.audiences': '为您服务',
  'portal.home.explore': '浏览',
  'portal.home.directoryCard': '高校、科研院所、实验室、孵化器、企业和投资机构。',
  'portal.home.statisticsCard': '注明来源与日期的各项数据。',
  'portal.home.newsCard': '城市新闻、政策与公告。',
  'portal.audience.government.title': '政务服务',
  'portal.audience.government.card': '面向科技主管部门和各区：项目、统计与机构认定。',
  'portal.audience.government.lead':
    '面向负责创新生态建设的科技主管部门和各区：反映发展成效的数据、生态中的机构，以及主管部门组织的项目和活动。',
  'portal.audience.residents.title': '市民服务',
  'portal.audience.residents.card': '身边的新闻、活动和机构。',
  'portal.audience.residents.lead':
    '面向本市居民：城市科技创新动态、面向公众的活动，以及身边的高校和科研院所。',
  'portal.audience.visitors.title': '访客与外籍人才',
  'portal.audience.visitors.card': '人才计划、活动和入门指引。',
  'portal.audience.visitors.lead':
    '面向访客、留学归国人员和外籍人才：人才绿卡与人才计划、交流会和论坛，以及科研与创业交汇的场所。',
  'portal.audience.business.title': '企业服务',
  'portal.audience.business.card': '面向初创企业、企业和投资机构：合作伙伴、资本与扶持。',
  'portal.audience.business.lead':
    '面向初创企业、企业和投资机构：可转化的科研成果、创业大赛和创投周、资助项目与资质认定。',
  'portal.audience.notBuilt': '可申报的项目和近期活动将随项目申报和活动模块上线。',
  'portal.about.title': '关于 Ecosphere',
  'portal.about.lead':
    'Ecosphere 是供城市或地区培育创新生态的开源软件：一个中英双语门户，以及其背后的机构名录、技术交易、活动、项目和统计数据。',
  'portal.about.loopTitle': '用途',
  'portal.about.loop':
    '它在同一系统中跟踪科研成果从实验室走向市场的全过程：成果发布、与企业或投资方匹配、洽谈、签约，并计入统计数据。',
  'portal.about.demoTitle': '本演示站',
  'portal.about.demo':
    '本站以广州“创新生态圈”为原型。其中的数据和机构来自广州市政府门户网站英文版文章《Guangzhou’s innovative ecosphere gaining momentum》（2017年9月26日更新）。',
  'portal.about.statusTitle': '目前可用的功能',
  'portal.about.status':
    '中英文门户框架、新闻列表与文章、演示机构名录，以及注明来源的统计数据表。账户、新闻编辑流程、名录搜索与导入、指标图表与开放数据、技术交易、智能匹配、活动和项目申报正在建设中。',
  'portal.about.sourcesTitle': '数据来源与许可',
  'portal.about.sourceArticle':
    '《Guangzhou’s innovative ecosphere gaining momentum》，广州市政府门户网站英文版，2017年9月26日更新。文章注明的信息来源：广州市科技创新委员会、中共广州市委宣传部及公开报告。数据属事实信息，转载时注明来源和统计截止日期。',
  'portal.about.sourceSoftware': 'Ecosphere 软件：MIT 许可证。',
  'portal.search.title': '搜索',
  'portal.search.resultsFor': '“{q}”的搜索结果',
  'portal.search.prompt': '输入中文或英文关键词，检索新闻、机构、数据和帮助解答。',
  'portal.search.none': '没有与“{q}”匹配的结果。请检查拼写或换用更短的词。',
  'portal.search.news': '新闻（{count}）',
  'portal.search.organizations': '机构（{count}）',
  'portal.search.figures': '数据（{count}）',
  'portal.search.help': '帮助解答（{count}）',
  'portal.search.tooLong': '搜索内容过长：最多 200 个字符。',
  'portal.search.scope':
    '搜索在标题和名称以及帮助中心的问题和解答中查找您输入的词。带筛选的全文搜索将随机构名录模块上线。',
};

export const portalMessages = defineMessages<K>(en, zh);
export const t = portalMessages.t;
