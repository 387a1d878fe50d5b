// A React 19 host: a customer list and form from Kehu, wired through React state. React 19 sets a
// custom element's props as *properties* when the element has one (so `store`, `selector`, `locale`
// and `recordId` arrive as objects and strings, not attributes) and listens to its events with
// `on<event-name>` props, so no wrapper components are needed.
import { StrictMode, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
// Registers <kehu-*>; must run before React first renders them, so the props become properties.
import '@kehu/components/define.js';
import { openStore } from './store.js';

/** The host's own words; Kehu's elements translate themselves from the `locale` they are given. */
const words = {
  'zh-CN': {
    title: '经销商门户 · 客户',
    language: '语言',
    vipOnly: '只看 VIP',
    customers: '客户',
    add: '新建客户',
    creating: '新建客户',
    editing: (name) => `编辑：${name}`,
    saved: (name) => `已保存「${name}」`,
  },
  en: {
    title: 'Dealer portal · Customers',
    language: 'Language',
    vipOnly: 'VIP only',
    customers: 'Customers',
    add: 'New customer',
    creating: 'New customer',
    editing: (name) => `Editing: ${name}`,
    saved: (name) => `Saved “${name}”`,
  },
};

function CustomerScreen({ store }) {
  const [locale, setLocale] = useState('zh-CN');
  const [vipOnly, setVipOnly] = useState(false);
  /** The record the form edits (`null`: a new one), with its name for the heading. */
  const [current, setCurrent] = useState(null);
  const [notice, setNotice] = useState('');
  // A new object only when the filter changes: the list re-queries whenever `selector` is a new value.
  const selector = useMemo(() => (vipOnly ? { importance: 'vip' } : undefined), [vipOnly]);
  const text = words[locale];

  return (
    <div className="screen" lang={locale}>
      <header>
        <h1>{text.title}</h1>
        <label>
          {text.language}{' '}
          <select id="language" value={locale} onChange={(event) => setLocale(event.target.value)}>
            <option value="zh-CN">简体中文</option>
            <option value="en">English</option>
          </select>
        </label>
      </header>
      <main>
        <section aria-labelledby="list-heading">
          <div className="bar">
            <h2 id="list-heading">{text.customers}</h2>
            <label>
              <input id="vip-only" type="checkbox" checked={vipOnly} onChange={(e) => setVipOnly(e.target.checked)} />{' '}
              {text.vipOnly}
            </label>
          </div>
          <kehu-record-list
            id="list"
            entity="customer"
            store={store}
            locale={locale}
            selector={selector}
            style={{ '--kehu-record-list-height': '22rem' }}
            onkehu-record-activate={(event) => {
              setCurrent({ id: event.detail.id, name: event.detail.record.name });
              setNotice('');
            }}
          />
        </section>
        <section aria-labelledby="form-heading">
          <div className="bar">
            <h2 id="form-heading">{current ? text.editing(current.name) : text.creating}</h2>
            <button id="new" type="button" onClick={() => setCurrent(null)}>
              {text.add}
            </button>
          </div>
          <kehu-record-form
            id="form"
            entity="customer"
            store={store}
            locale={locale}
            recordId={current?.id}
            onkehu-record-save={(event) => {
              const { id, record } = event.detail;
              setCurrent({ id, name: record.name });
              setNotice(text.saved(record.name));
            }}
            onkehu-record-cancel={() => setCurrent(null)}
          />
          <p id="notice" role="status">
            {notice}
          </p>
        </section>
      </main>
    </div>
  );
}

const store = await openStore('kehu-react-example');
createRoot(document.getElementById('app')).render(
  <StrictMode>
    <CustomerScreen store={store} />
  </StrictMode>,
);
