import { useEffect, type Dispatch } from 'react';
import type { PageResource, PageResources } from './host';
import { scanResource } from './model/page-scripts';
import type { PanelAction } from './store/reducer';

/** Most resources scanned per page load: a page cannot make the panel read scripts without end. */
const MAX_RESOURCES = 300;

/**
 * Scans the inspected page's scripts and documents for postMessage call sites and message
 * listeners (the sends no runtime hook observes: window.postMessage stays native), now, after
 * each top-level navigation (`navigations` changes) and whenever DevTools reports a new resource.
 */
export const useStaticScan = (resources: PageResources | null, navigations: number, dispatch: Dispatch<PanelAction>): void => {
  useEffect(() => {
    if (!resources) return;
    let live = true;
    let scanned = 0;
    const scan = async (r: PageResource) => {
      if (r.type !== 'script' && r.type !== 'document') return;
      if (++scanned > MAX_RESOURCES) return;
      const text = await r.content();
      if (live && text !== null) dispatch({ type: 'static-sites', url: r.url, sites: scanResource(r.url, r.type, text) });
    };
    const off = resources.onAdded((r) => void scan(r));
    void resources.list().then((rs) => rs.forEach((r) => void scan(r)));
    return () => {
      live = false;
      off();
    };
  }, [resources, navigations, dispatch]);
};
