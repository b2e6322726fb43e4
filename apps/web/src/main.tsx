// The entry, a few hundred bytes: it starts the page's first reads (early-reads.ts) and the download of the page's
// code (pages.ts), then loads the app. Reads and page travel while React and Ant Design download, instead of after.
import { startEarlyReads } from './api/early-reads';
import { preloadPageAt } from './app/pages';

startEarlyReads(window.location.pathname);
preloadPageAt(window.location.pathname);
void import('./app/start');
