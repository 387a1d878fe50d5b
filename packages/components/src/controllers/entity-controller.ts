import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Entity, Locale, Repository, Store } from '@kehu/core';
import { storeContext } from '../context/store-context.js';
import { t } from '../i18n/strings.js';
import { watchLang } from '../i18n/locale-observer.js';

/** What an element using the controller exposes. */
export interface EntityHost extends ReactiveControllerHost, HTMLElement {
  /** Store set directly (plain HTML hosts, tests); wins over the context. */
  store?: Store;
  /** Entity name. */
  entity?: string;
}

/**
 * Resolves an element's store (its `store` property, else the nearest provider) and entity name
 * into the compiled entity and its repository, with a localised problem when either is missing.
 */
export class EntityController implements ReactiveController {
  private consumer: ContextConsumer<typeof storeContext, EntityHost>;

  constructor(private host: EntityHost) {
    host.addController(this);
    this.consumer = new ContextConsumer(host, { context: storeContext, subscribe: true });
  }

  private unwatch?: () => void;

  hostConnected(): void {
    // Elements read their language from the nearest `lang`; follow changes to it.
    this.unwatch = watchLang(this.host);
  }

  hostDisconnected(): void {
    this.unwatch?.();
  }

  /** The store in use, if any. */
  get store(): Store | undefined {
    return this.host.store ?? this.consumer.value;
  }

  /** The compiled entity, or undefined while store or name is missing or unknown. */
  get entity(): Entity | undefined {
    const store = this.store;
    const name = this.host.entity;
    return store && name && store.has(name) ? store.entities.get(name) : undefined;
  }

  /** The repository of the entity, when it resolves. */
  get repository(): Repository | undefined {
    const entity = this.entity;
    return entity ? this.store!.entity(entity.name) : undefined;
  }

  /** Why nothing can be shown, in `locale`; undefined when the entity resolves. */
  problem(locale: Locale): string | undefined {
    const store = this.store;
    const name = this.host.entity;
    if (!name) return t(locale, 'noEntity');
    if (!store) return t(locale, 'noStore');
    if (!store.has(name)) {
      return t(locale, 'unknownEntity', { entity: name, known: [...store.entities.keys()].join(', ') });
    }
    return undefined;
  }
}
