/** Routes in the URL's hash (#/jobs/5): static files only, no server-side routes needed. */
import { useEffect, useState } from 'preact/hooks';

export type Route =
  | { page: 'overview' }
  | { page: 'jobs'; params: URLSearchParams }
  | { page: 'job'; id: string }
  | { page: 'workers' }
  | { page: 'worker'; address: string }
  | { page: 'missing'; path: string };

export function parseRoute(hash: string): Route {
  const [path = '', search = ''] = hash.replace(/^#/, '').split('?');
  const parts = path.split('/').filter(Boolean);
  if (parts.length === 0) return { page: 'overview' };
  if (parts[0] === 'jobs' && parts.length === 1) return { page: 'jobs', params: new URLSearchParams(search) };
  if (parts[0] === 'jobs' && parts.length === 2 && /^\d{1,15}$/.test(parts[1]!))
    return { page: 'job', id: parts[1]! };
  if (parts[0] === 'workers' && parts.length === 1) return { page: 'workers' };
  if (parts[0] === 'workers' && parts.length === 2 && /^0x[0-9a-fA-F]{1,64}$/.test(parts[1]!))
    return { page: 'worker', address: parts[1]! };
  return { page: 'missing', path };
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const on = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  return route;
}

export const href = {
  overview: '#/',
  jobs: (q?: Record<string, string | undefined>) => {
    const s = new URLSearchParams(
      Object.entries(q ?? {}).filter((e): e is [string, string] => !!e[1]),
    ).toString();
    return `#/jobs${s ? `?${s}` : ''}`;
  },
  job: (id: string) => `#/jobs/${id}`,
  workers: '#/workers',
  worker: (a: string) => `#/workers/${a}`,
};
