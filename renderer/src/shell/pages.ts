import type { ComponentType } from 'react';
import type { IconName } from '../components/Icon';
import type { PageId } from '../stores/navigation';
import { HomePage } from '../pages/home/HomePage';
import { ConnectionsPage } from '../pages/connections/ConnectionsPage';
import { ImportPage } from '../pages/import/ImportPage';
import { PeoplePage } from '../pages/people/PeoplePage';
import { EventsPage } from '../pages/events/EventsPage';
import { MappingsPage } from '../pages/mappings/MappingsPage';
import { SyncPage } from '../pages/sync/SyncPage';
import { QueryPage } from '../pages/query/QueryPage';
import { LogPage } from '../pages/log/LogPage';
import { SettingsPage } from '../pages/settings/SettingsPage';

export interface PageDef {
  id: PageId;
  label: string;
  icon: IconName;
  component: ComponentType;
}

/** Sidebar order = shortcut order (Alt/Ctrl + 1..9). */
export const pages: PageDef[] = [
  { id: 'home', label: 'Home', icon: 'home', component: HomePage },
  { id: 'connections', label: 'Connections', icon: 'plug', component: ConnectionsPage },
  { id: 'import', label: 'Import', icon: 'upload', component: ImportPage },
  { id: 'people', label: 'People', icon: 'users', component: PeoplePage },
  { id: 'events', label: 'Events', icon: 'calendar', component: EventsPage },
  { id: 'mappings', label: 'Mappings', icon: 'mapping', component: MappingsPage },
  { id: 'sync', label: 'Sync', icon: 'sync', component: SyncPage },
  { id: 'query', label: 'Query', icon: 'query', component: QueryPage },
  { id: 'log', label: 'Log', icon: 'log', component: LogPage },
  { id: 'settings', label: 'Settings', icon: 'settings', component: SettingsPage },
];

export const pageById = (id: PageId): PageDef => pages.find((p) => p.id === id) ?? pages[0];
