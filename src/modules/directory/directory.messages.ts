import { defineMessages } from '../../platform/i18n/messages.ts';

const en = {
  'directory.title': 'Directory',
  'directory.lead':
    'Universities, research institutes, labs, incubators, enterprises and investors of the ecosystem.',
  'directory.count': '{count} organisations listed',
  'directory.kindCount': '{kind} ({count})',
  'directory.empty': 'No organisations are listed yet.',
  'directory.notBuilt':
    'This is the demonstration directory: the organisations named in the source article. Search with filters by kind, district and sector, profiles kept up to date by their organisations, and imports of official registries arrive with the directory module.',
  'directory.profile.kind': 'Kind',
  'directory.profile.city': 'City',
  'directory.profile.website': 'Website',
  'directory.profile.source': 'Source',
  'directory.profile.updated': 'Record last updated',
  'directory.profile.generated': 'Generated record for the demonstration, not real data.',
  'directory.back': 'Back to the directory',
  'directory.kind.university': 'University',
  'directory.kind.rnd_institute': 'R&D institute',
  'directory.kind.key_lab': 'Key laboratory',
  'directory.kind.new_rnd_institution': 'New-type R&D institution',
  'directory.kind.incubator': 'Incubator',
  'directory.kind.makerspace': 'Makerspace',
  'directory.kind.enterprise': 'Enterprise',
  'directory.kind.investor': 'Investor',
  'directory.kind.agency': 'Agency',
  'directory.kind.service_provider': 'Service provider',
} as const;

type K = keyof typeof en;

const zh: Record<K, string> = {
  'directory.title': '机构名录',
  'directory.lead': '创新生态中的高校、科研院所、实验室、孵化器、企业和投资机构。',
  'directory.count': '共收录 {count} 家机构',
  'directory.kindCount': '{kind}（{count}）',
  'directory.empty': '尚未收录任何机构。',
  'directory.notBuilt':
    '这是演示名录：收录来源文章中提到的机构。按类型、区域和行业筛选的搜索、由机构自行维护的主页以及官方名录导入，将随机构名录模块上线。',
  'directory.profile.kind': '类型',
  'directory.profile.city': '城市',
  'directory.profile.website': '网站',
  'directory.profile.source': '来源',
  'directory.profile.updated': '记录最后更新',
  'directory.profile.generated': '演示用生成记录，并非真实数据。',
  'directory.back': '返回机构名录',
  'directory.kind.university': '高等院校',
  'directory.kind.rnd_institute': '科研院所',
  'directory.kind.key_lab': '重点实验室',
  'directory.kind.new_rnd_institution': '新型研发机构',
  'directory.kind.incubator': '孵化器',
  'directory.kind.makerspace': '众创空间',
  'directory.kind.enterprise': '企业',
  'directory.kind.investor': '投资机构',
  'directory.kind.agency': '政府机构',
  'directory.kind.service_provider': '服务机构',
};

export const directoryMessages = defineMessages<K>(en, zh);
export const t = directoryMessages.t;
