// The pages module's public surface: the Help Center and the audience pages (the portal shows them), the
// editors' routes, and the demo loaders.
export { audiencePage, seedAudiences } from './pages.audiences.service.ts';
export {
  helpCentre,
  helpEntry,
  helpSitemapEntries,
  helpTopic,
  searchHelp,
  seedHelp,
  type THelpTopicGroup,
} from './pages.help.service.ts';
export { pagesMessages } from './pages.messages.ts';
export { canManagePages } from './pages.policy.ts';
export {
  AUDIENCES,
  HELP_QUERY_MAX,
  HELP_TOPICS,
  isAudience,
  isHelpTopic,
  type TAudience,
  type TAudiencePage,
  type THelpEntry,
  type THelpTopic,
} from './pages.schemas.ts';
export { createAudienceStaffRoutes, createHelpStaffRoutes } from './pages.staff.routes.tsx';
export { excerpt as markdownExcerpt, pick as localizedText } from './pages.text.ts';
export {
  AudiencePageBody,
  HelpCentreBody,
  HelpEntryBody,
  HelpResultList,
  HelpTopicBody,
} from './pages.views.tsx';
