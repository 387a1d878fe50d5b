import { createContext } from '@lit/context';
import type { Store } from '@kehu/core';

/** The store elements read from the nearest `<kehu-store-provider>` (or any @lit/context provider of this key). */
export const storeContext = createContext<Store | undefined>(Symbol.for('kehu-store'));
