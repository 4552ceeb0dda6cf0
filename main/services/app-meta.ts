export const APP_NAME = 'Ticket CRM Sync';
export const APP_ID = 'ticket-crm-sync';
/** Kept in step with package.json by test/unit/app-meta.test.ts. */
export const APP_VERSION = '0.1.0';
