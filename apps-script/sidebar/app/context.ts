/** Hands the one store down the tree (preact-devtools' model: a factory, then context). */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Store } from './store.ts';

export const StoreContext = createContext<Store | null>(null);

export function useStore(): Store {
  const store = useContext(StoreContext);
  if (store === null)
    throw new Error('useStore() outside <StoreContext.Provider>: render through <App store={…}>.');
  return store;
}
