/** Test support for the CRM screens' browser tests: a store with the CRM entities, and a screen context. */
import { createStore, type JsonSchema, type Locale, type Store } from '@kehu/core';
import { fixture, html } from '@open-wc/testing';
import type { DemoScreen, ScreenContext } from './types.js';

const files = [
  'customer-class',
  'customer-level',
  'customer',
  'insurer',
  'vehicle',
  'price-tier',
  'product',
  'document',
  'opportunity',
  'activity',
  'crm-settings',
  'evaluation-category',
  'follow-up-question',
  'follow-up-method',
  'follow-up',
  'level-change',
  'period-price',
  'tracking-price',
  'insurance-policy',
  'insurance-claim',
];

/** A fresh store (IndexedDB, unique name) with the shipped CRM entities, as the demo loads them. */
export async function crmStore(name: string, user = { id: 'u-liang', name: '梁晓红' }): Promise<Store> {
  const schemas: JsonSchema[] = [];
  for (const file of files) schemas.push(await (await fetch(`/schemas/${file}.schema.json`)).json());
  return createStore({
    entities: schemas,
    name: `${name}-${Date.now()}-${Math.random().toString(36).slice(2)}`,
    user,
  });
}

/** Renders `screen` inside a store provider, as the demo does; `routes` records what it navigated to. */
export async function mountScreen(screen: DemoScreen, store: Store, params: string[], locale: Locale = 'zh-CN') {
  const provider = await fixture<HTMLElement>(
    html`<kehu-store-provider .store=${store}><div id="host"></div></kehu-store-provider>`,
  );
  const host = provider.querySelector<HTMLElement>('#host')!;
  const context = screenContext(store, locale, params);
  screen.render(host, context);
  return { host, routes: context.routes, context };
}

/** A screen context whose `navigate` records the routes asked for. */
export function screenContext(
  store: Store,
  locale: Locale,
  params: string[] = [],
): ScreenContext & { routes: string[] } {
  const routes: string[] = [];
  return {
    store,
    entities: [...store.entities.values()],
    locale,
    params,
    navigate: (hash) => routes.push(hash),
    routes,
  };
}
