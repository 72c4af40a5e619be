/** A query's answer as component state, fetched again when its variables or `refresh` change. */
import { useEffect, useState } from 'preact/hooks';
import { query } from './api';

export type Loaded<T> =
  { state: 'loading' } | { state: 'error'; message: string } | { state: 'done'; data: T };

export function useQuery<T>(document: string, variables: Record<string, unknown>, refresh = 0): Loaded<T> {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  const key = JSON.stringify(variables);
  useEffect(() => {
    let live = true;
    query<T>(document, variables)
      .then((data) => live && setLoaded({ state: 'done', data }))
      .catch((e: Error) => live && setLoaded({ state: 'error', message: e.message }));
    return () => {
      live = false;
    };
  }, [document, key, refresh]);
  return loaded;
}
