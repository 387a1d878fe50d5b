import { html, nothing } from 'lit';
import { localize, type FieldModel, type FormSection, type Locale } from '@kehu/core';
import { fieldSlot } from './field-slot.js';
import type { FieldPath, FormState } from './form-state.js';
import { formText } from './record-form.strings.js';

/** What the sections or tabs need from the form. */
export interface LayoutHost {
  state: FormState;
  locale: Locale;
  sections: FormSection[];
  layout: 'tabs' | 'sections';
  /** Accessible name of the tab list. */
  label: string;
  activeTab?: string;
  selectTab(id: string, focus: boolean): void;
  renderField(field: FieldModel, path: FieldPath): unknown;
}

const shown = (section: FormSection) => section.fields.filter((field) => !field.hidden);

/** The section holding the top-level field `key`. */
export function sectionOf(sections: FormSection[], key: string | number | undefined): FormSection | undefined {
  return sections.find((s) => s.fields.some((f) => f.key === key));
}

/** Issues per section id, counted by their top-level field. */
function counts(host: LayoutHost): Map<string, number> {
  const out = new Map<string, number>();
  for (const path of host.state.issuePaths()) {
    const section = sectionOf(host.sections, path[0]);
    if (section) out.set(section.id, (out.get(section.id) ?? 0) + host.state.issuesAt(path).length);
  }
  return out;
}

function onTabKeydown(host: LayoutHost, sections: FormSection[], event: KeyboardEvent): void {
  const index = sections.findIndex((s) => s.id === (event.target as HTMLElement).dataset.section);
  const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: sections.length - 1 }[event.key];
  if (next === undefined || index < 0) return;
  event.preventDefault();
  host.selectTab(sections[(next + sections.length) % sections.length].id, true);
}

/**
 * The form's sections, one under another as fieldsets, or as WAI-ARIA tabs (arrow keys, Home,
 * End) whose tab shows how many problems its fields hold. Every panel stays in the DOM (hidden)
 * so its fields keep their values, listeners and issues.
 */
export function renderLayout(host: LayoutHost): unknown {
  const sections = host.sections.filter((s) => shown(s).length);
  const fieldset = (section: FormSection) => {
    const label = localize(section.label, host.locale);
    return html`<fieldset part="section">
      ${label && host.layout !== 'tabs' ? html`<legend part="section-label">${label}</legend>` : nothing}
      ${shown(section).map((field) => host.renderField(field, [field.key]))}
    </fieldset>`;
  };
  if (host.layout !== 'tabs' || sections.length < 2) return sections.map(fieldset);
  const active = sections.find((s) => s.id === host.activeTab)?.id ?? sections[0].id;
  // The tab strip redraws alone when issues change (badges), not with every keystroke.
  const tabs = () => {
    const issues = counts(host);
    return sections.map((section) => {
      const selected = section.id === active;
      const count = issues.get(section.id) ?? 0;
      return html`<button
        type="button"
        role="tab"
        part=${selected ? 'tab selected' : 'tab'}
        id=${`tab-${section.id}`}
        data-section=${section.id}
        aria-selected=${selected ? 'true' : 'false'}
        aria-controls=${`panel-${section.id}`}
        tabindex=${selected ? '0' : '-1'}
        @click=${() => host.selectTab(section.id, false)}
      >
        ${localize(section.label, host.locale)}${
          count
            ? html`<span part="tab-badge" aria-hidden="true">${count}</span
                ><span class="visually-hidden">${formText(host.locale, 'tabProblems', { count })}</span>`
            : nothing
        }
      </button>`;
    });
  };
  return html`<div
      part="tabs"
      role="tablist"
      aria-label=${host.label}
      @keydown=${(e: KeyboardEvent) => onTabKeydown(host, sections, e)}
    >
      ${fieldSlot({ state: host.state, path: ['#issues'], render: tabs })}
    </div>
    ${sections.map(
      (section) =>
        html`<div
          part="tab-panel"
          role="tabpanel"
          id=${`panel-${section.id}`}
          aria-labelledby=${`tab-${section.id}`}
          tabindex="0"
          ?hidden=${section.id !== active}
        >
          ${fieldset(section)}
        </div>`,
    )}`;
}
