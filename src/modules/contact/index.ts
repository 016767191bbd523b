// The contact module's public surface.
export { contactMessages } from './contact.messages.ts';
export { createContactRoutes, createContactStaffRoutes } from './contact.routes.tsx';
