/** The areas of the sidebar, in order (Alt+1 … Alt+9, and Alt+0 for 总部). */
export const AREAS = ['home', 'master', 'import', 'reconcile', 'fees', 'terms', 'credit', 'settlement', 'audit', 'hq'] as const;
export type AreaId = (typeof AREAS)[number];

/** Where the window is: an area and its parameters, kept in the address (#/reconcile?status=short). */
export interface Route { area: AreaId; params: Record<string, string> }

export function parseRoute(hash: string): Route {
  const m = /^#\/([a-z]+)(?:\?(.*))?$/.exec(hash);
  const area = (AREAS as readonly string[]).includes(m?.[1] ?? '') ? (m![1] as AreaId) : 'home';
  return { area, params: Object.fromEntries(new URLSearchParams(m?.[2] ?? '')) };
}

export function routeHash(route: Route): string {
  const q = new URLSearchParams(Object.entries(route.params).filter(([, v]) => v !== '')).toString();
  return `#/${route.area}${q ? `?${q}` : ''}`;
}
