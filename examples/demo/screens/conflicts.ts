import type { Locale } from '@kehu/core';
import type { DemoScreen, ScreenContext } from './types.js';
import { adoptCrmStyles } from './crm-styles.js';

const text = {
  heading: { 'zh-CN': '冲突处理', en: 'Conflicts' },
  note: {
    'zh-CN': '同步时您和其他人修改了相同的字段：逐个字段选择保留哪一个值。',
    en: 'While syncing, you and someone else changed the same fields: pick the value to keep, field by field.',
  },
} satisfies Record<string, Record<Locale, string>>;

/** The entities with open conflicts (or the customer, whose empty state then shows). */
async function conflictEntities(context: ScreenContext): Promise<string[]> {
  const open = (await context.store.conflicts?.list()) ?? [];
  const names = [...new Set(open.map((c) => c.entity))].filter((name) => context.store.has(name));
  return names.length ? names : ['customer'];
}

/**
 * 冲突处理: the sync's kept edits, one `<kehu-conflict-picker>` per entity that has any
 * (`#screen/conflicts/<entity>/<id>` narrows to one record). The header's sync status links here.
 */
export const conflictsScreen: DemoScreen = {
  id: 'conflicts',
  label: { 'zh-CN': '冲突处理', en: 'Conflicts' },
  render(host, context) {
    adoptCrmStyles();
    const { locale, params, signal } = context;
    if (!host.querySelector('#conflicts-heading')) {
      host.innerHTML = `<section class="crm-panel" aria-labelledby="conflicts-heading">
        <h1 id="conflicts-heading" class="crm-heading"></h1>
        <p id="conflicts-note" class="crm-note"></p>
        <div id="conflicts-pickers"></div>
      </section>`;
    }
    host.querySelector('#conflicts-heading')!.textContent = text.heading[locale];
    host.querySelector('#conflicts-note')!.textContent = text.note[locale];
    const [entity, id] = params;
    void (entity ? Promise.resolve([entity]) : conflictEntities(context)).then((names) => {
      if (signal?.aborted) return;
      const pickers = names.map((name) => {
        const picker = document.createElement('kehu-conflict-picker');
        picker.entity = name;
        if (id) picker.recordId = id;
        picker.store = context.store;
        picker.locale = locale;
        picker.addEventListener('kehu-conflict-resolve', (event) =>
          context.navigate(`${event.detail.entity}/${encodeURIComponent(event.detail.recordId)}`),
        );
        return picker;
      });
      host.querySelector('#conflicts-pickers')!.replaceChildren(...pickers);
    });
  },
};
