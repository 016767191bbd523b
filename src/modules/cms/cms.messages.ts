import { defineMessages } from '../../platform/i18n/messages.ts';

const en = {
  'cms.news.title': 'News',
  'cms.feed.follow': 'Follow the news:',
  'cms.news.lead': 'City news, policies, announcements and events from the innovation ecosystem.',
  'cms.news.empty': 'No news has been published yet.',
  'cms.news.latest': 'Latest news',
  'cms.news.all': 'All news',
  'cms.news.published': 'Published {date}',
  'cms.news.updated': 'Updated {date}',
  'cms.news.source': 'Source: {source}',
  'cms.news.demo': 'Demonstration content, written from the source named below.',
  'cms.news.missingTranslation': 'This article is not yet available in English. It is shown in Chinese.',
  'cms.news.pager': 'Pages',
  'cms.news.prev': 'Newer',
  'cms.news.next': 'Older',
  'cms.news.pageOf': 'Page {page} of {pages}',
  'cms.news.workflowNotBuilt':
    'Editors cannot yet write or publish articles here: the editorial workflow, feeds and the error report arrive with the newsroom module.',
  'cms.category.city-news': 'City news',
  'cms.category.policies': 'Policies',
  'cms.category.announcements': 'Announcements',
  'cms.category.events': 'Events',
} as const;

type K = keyof typeof en;

const zh: Record<K, string> = {
  'cms.news.title': '新闻',
  'cms.feed.follow': '订阅新闻：',
  'cms.news.lead': '创新生态中的城市新闻、政策、公告与活动。',
  'cms.news.empty': '尚未发布任何新闻。',
  'cms.news.latest': '最新新闻',
  'cms.news.all': '全部新闻',
  'cms.news.published': '发布于 {date}',
  'cms.news.updated': '更新于 {date}',
  'cms.news.source': '来源：{source}',
  'cms.news.demo': '演示内容，依据下方注明的来源撰写。',
  'cms.news.missingTranslation': '本文暂无中文版，以下显示英文原文。',
  'cms.news.pager': '分页',
  'cms.news.prev': '较新',
  'cms.news.next': '较早',
  'cms.news.pageOf': '第 {page} 页，共 {pages} 页',
  'cms.news.workflowNotBuilt':
    '编辑暂时还不能在此撰写或发布文章：编辑流程、订阅源和纠错功能将随新闻中心模块上线。',
  'cms.category.city-news': '城市新闻',
  'cms.category.policies': '政策',
  'cms.category.announcements': '公告',
  'cms.category.events': '活动',
};

export const cmsMessages = defineMessages<K>(en, zh);
export const t = cmsMessages.t;
