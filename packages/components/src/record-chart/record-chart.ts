import {
  LitElement,
  html,
  nothing,
  type ComplexAttributeConverter,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import { KehuError, type Locale, type Selector, type Store } from '@kehu/core';
import { EntityController } from '../controllers/entity-controller.js';
import { t } from '../i18n/strings.js';
import { uiLocale } from '../i18n/ui-locale.js';
import { chartCaption, pathLabel, valueFormat } from './chart-labels.js';
import { chartModel, type ChartModel } from './chart-model.js';
import { chartOption, darkPalette, isDark, lightPalette, type ChartColors } from './chart-option.js';
import { ChartQuery } from './chart-query.js';
import { chartSpec, type ChartSpec } from './chart-spec.js';
import { loadECharts, type EChartsType } from './echarts-loader.js';
import { chartText } from './record-chart.strings.js';
import { recordChartStyles } from './record-chart.styles.js';

/** Groups shown before the rest merge into "Other": 12 bars or slices, 8 series over time. */
const TOP_GROUPS = 12;
const TOP_SERIES = 8;

/** `selector='{"status":"approved"}'`: JSON in the attribute; unreadable JSON is kept as text and warned about. */
const selectorConverter: ComplexAttributeConverter<Selector | string | undefined> = {
  fromAttribute(value) {
    if (value === null) return undefined;
    try {
      return JSON.parse(value) as Selector;
    } catch {
      return value;
    }
  },
};

const isSelector = (value: unknown): value is Selector =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * @summary A live chart (bar, line or pie) of one entity's records, counted or summed per group
 * and/or period, with the same numbers as an accessible table.
 *
 * Grouping and measuring are attributes: `group-by="importance"` (a field, dotted for nested ones),
 * `period="month:date"` (`unit:field`, unit one of day, week, month, quarter, year; date-times fall
 * on the viewer's local day), `measure="sum:totalAmount"` (`count`, `count:field`, or
 * `sum|avg|min|max:field`). ECharts is loaded on first draw only. The chart picture is hidden from
 * assistive technology; the table below it (visually hidden until "Show as table" is pressed)
 * carries the same data.
 *
 * @csspart base - The frame (a `figure`).
 * @csspart heading - The chart's heading (`figcaption`).
 * @csspart table-toggle - The "Show as table" button.
 * @csspart chart - The box ECharts draws in.
 * @csspart table - The data table.
 * @csspart empty - "No data to show".
 * @csspart status - "Loading…".
 * @csspart message - Why nothing can be shown (no store, unknown entity, store or load error); `role="alert"`.
 *
 * @cssproperty --kehu-record-chart-height - Height of the drawing. Default 18rem.
 * @cssproperty --kehu-record-chart-background - Background. Default: the theme surface.
 * @cssproperty --kehu-record-chart-color - Text, labels and legend. Default: the theme text colour.
 * @cssproperty --kehu-record-chart-muted-color - Axis labels, empty and loading text. Default: the theme muted colour.
 * @cssproperty --kehu-record-chart-border-color - Frame, grid lines and table rules. Default: the theme border colour.
 * @cssproperty --kehu-record-chart-border-radius - Frame corners. Default 6px.
 * @cssproperty --kehu-record-chart-accent-color - First series colour. Default: the theme accent.
 * @cssproperty --kehu-record-chart-focus-color - Focus ring of the button. Default: the theme accent.
 * @cssproperty --kehu-record-chart-error-color - Text of messages. Default: the theme danger colour.
 */
export class KehuRecordChart extends LitElement {
  static override styles = recordChartStyles;
  static override properties = {
    entity: { reflect: true },
    store: { attribute: false },
    locale: {},
    type: {},
    groupBy: { attribute: 'group-by' },
    period: {},
    measure: {},
    selector: { converter: selectorConverter },
    heading: {},
    tableVisible: { type: Boolean, attribute: 'table-visible', reflect: true },
    chartError: { state: true },
  };

  /** Name of the entity to chart, e.g. `document`. */
  entity?: string;
  /** The store; when unset, the nearest `<kehu-store-provider>`'s. */
  store?: Store;
  /** UI locale (`zh-CN`, `en`); default: the nearest `lang`. */
  locale?: string;
  /** `bar` (default), `line` or `pie`. A pie is split by `group-by` and ignores `period` when both are set. */
  type: string;
  /** Field whose values make the groups (bars, slices, or one series each over time). */
  groupBy?: string;
  /** `unit:field`, e.g. `month:date`: one category per period of that date field, empty periods included. */
  period?: string;
  /** `count` (default), `count:field` (records where it is filled in), or `sum`/`avg`/`min`/`max:field`. */
  measure: string;
  /** Only records matching this Mango selector, e.g. `{ status: 'approved' }`; as an attribute, JSON. */
  selector?: Selector;
  /**
   * The chart's heading; default: one that says what is shown ("Documents: total amount by month").
   * Not `title`, which every browser also shows as a tooltip over the whole element.
   */
  heading?: string;
  /** Shows the data table below the chart (it is always there for screen readers). */
  tableVisible: boolean;

  private chartError: unknown;
  private entities = new EntityController(this);
  private query = new ChartQuery(this);
  private instance: EChartsType | undefined;
  private resizer: ResizeObserver | undefined;
  private drawn = '';
  private warned = new Set<string>();
  /** The spec `willUpdate` checked for this render. */
  private checked: ChartSpec | undefined;
  private scheme = matchMedia('(prefers-color-scheme: dark)');
  /** The spec and model the last render showed, for `updated` to draw. */
  private view: { spec: ChartSpec; model: ChartModel; locale: Locale } | undefined;

  constructor() {
    super();
    this.type = 'bar';
    this.measure = 'count';
    this.tableVisible = false;
  }

  /** The ECharts instance once the chart is drawn, for hosts that want its API (e.g. `getDataURL`). */
  get chart(): EChartsType | undefined {
    return this.instance;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.scheme.addEventListener('change', this.onSchemeChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.scheme.removeEventListener('change', this.onSchemeChange);
    this.dispose();
  }

  private onSchemeChange = () => this.requestUpdate();

  /** The checked spec, or undefined (after warning once) when an attribute is unusable. */
  private spec(locale: Locale): ChartSpec | undefined {
    const entity = this.entities.entity;
    if (!entity) return undefined;
    const { spec, problems, notes } = chartSpec(
      entity,
      { type: this.type, groupBy: this.groupBy, period: this.period, measure: this.measure },
      locale,
    );
    [...problems, ...notes].forEach((message) => this.warnOnce(message));
    const selector: unknown = this.selector;
    if (selector !== undefined && !isSelector(selector)) {
      this.warnOnce(chartText(locale, 'badSelector', { value: String(selector) }));
      return undefined;
    }
    return spec;
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    const spec = (this.checked = this.spec(uiLocale(this, this.locale)));
    // A detached chart holds no subscriptions (a late lang or context change may still render it).
    const entities = this.isConnected ? this.entities : undefined;
    const top = spec?.period && spec.groupBy ? TOP_SERIES : TOP_GROUPS;
    this.query.update(entities?.store, spec && entities?.repository, spec && { spec, selector: this.selector, top });
  }

  override render(): TemplateResult {
    const locale = uiLocale(this, this.locale);
    const problem = this.entities.problem(locale);
    const entity = this.entities.entity;
    this.view = undefined;
    if (problem || !entity) {
      return html`<div part="base" class="base"><p part="message" class="message" role="alert">${problem}</p></div>`;
    }
    const spec = this.checked;
    const { rows, error, titles } = this.query;
    const model = spec && rows ? chartModel(entity, spec, rows, locale, titles) : undefined;
    const hasData = !!model?.categories.length;
    if (spec && model && hasData) this.view = { spec, model, locale };
    const caption = this.heading || (spec ? chartCaption(entity, spec, locale) : '');
    const loading = !!spec && !rows && !error;
    return html`
      <figure part="base" class="base" aria-busy=${loading ? 'true' : 'false'}>
        <div class="header">
          <figcaption part="heading" class="heading" id="heading">${caption}</figcaption>
          ${
            hasData
              ? html`<button
                  part="table-toggle"
                  class="toggle"
                  type="button"
                  aria-pressed=${this.tableVisible ? 'true' : 'false'}
                  aria-controls="table"
                  @click=${this.toggleTable}
                >
                  ${chartText(locale, 'showTable')}
                </button>`
              : nothing
          }
        </div>
        <span class="probe" aria-hidden="true"></span>
        <div part="chart" class="chart ${hasData ? '' : 'idle'}" aria-hidden="true"></div>
        ${
          this.chartError && hasData
            ? html`<p part="message" class="message" role="alert">
                ${chartText(locale, 'chartFailed', { reason: reason(this.chartError, locale) })}
              </p>`
            : nothing
        }
        ${hasData && spec && model ? this.renderTable(spec, model, locale) : nothing}
        ${
          error
            ? html`<p part="message" class="message" role="alert">
                ${chartText(locale, 'loadFailed', { reason: reason(error, locale) })}
              </p>`
            : loading
              ? html`<p part="status" class="status" role="status">${t(locale, 'loading')}</p>`
              : hasData
                ? nothing
                : html`<p part="empty" class="empty">${chartText(locale, 'empty')}</p>`
        }
      </figure>
    `;
  }

  private renderTable(spec: ChartSpec, model: ChartModel, locale: Locale): TemplateResult {
    const entity = this.entities.entity!;
    const format = valueFormat(spec, locale);
    const axis = spec.period ?? spec.groupBy;
    const header = axis ? pathLabel(entity, axis.path, locale) : chartCaption(entity, spec, locale);
    return html`
      <table part="table" id="table" class=${this.tableVisible ? '' : 'visually-hidden'} aria-labelledby="heading">
        <thead>
          <tr>
            <th scope="col">${header}</th>
            ${model.series.map((s) => html`<th scope="col">${s.name}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${model.categories.map(
            (category, i) =>
              html`<tr>
                <th scope="row">${category}</th>
                ${model.series.map((s) => html`<td>${format(s.values[i])}</td>`)}
              </tr>`,
          )}
        </tbody>
      </table>
    `;
  }

  protected override updated(): void {
    const view = this.view;
    const container = this.renderRoot.querySelector<HTMLElement>('.chart');
    if (this.instance && this.instance.getDom() !== container) this.dispose();
    if (!view || !container) return;
    void this.draw(container, view);
  }

  private async draw(container: HTMLElement, view: { spec: ChartSpec; model: ChartModel; locale: Locale }) {
    const colors = this.colors();
    const signature = JSON.stringify([view.spec.type, view.model, colors, view.locale, view.spec.measure]);
    if (this.instance && signature === this.drawn) return;
    try {
      const echarts = await loadECharts();
      // The element may have re-rendered or left while ECharts loaded.
      if (!this.isConnected || this.view !== view) return;
      this.chartError = undefined;
      if (!this.instance) {
        this.instance = echarts.init(container, null, { renderer: 'svg' });
        this.resizer = new ResizeObserver(() => this.instance?.resize());
        this.resizer.observe(container);
      }
      const { spec, model, locale } = view;
      this.instance.setOption(
        chartOption(spec.type, model, colors, valueFormat(spec, locale), valueFormat(spec, locale, true)),
        { notMerge: true },
      );
      this.drawn = signature;
    } catch (error) {
      this.chartError = error;
    }
  }

  /** The theme's colours as ECharts needs them, read from the probe the styles paint. */
  private colors(): ChartColors {
    const probe = this.renderRoot.querySelector('.probe');
    const style = probe ? getComputedStyle(probe) : undefined;
    const surface = style?.backgroundColor ?? 'rgb(255, 255, 255)';
    const palette = isDark(surface) ? darkPalette : lightPalette;
    return {
      text: style?.color ?? '#1f2328',
      muted: style?.borderBottomColor ?? '#5f6673',
      border: style?.borderTopColor ?? '#d0d5dd',
      surface,
      palette: [style?.outlineColor ?? '#2563eb', ...palette],
    };
  }

  private toggleTable = (): void => {
    this.tableVisible = !this.tableVisible;
  };

  private dispose(): void {
    this.resizer?.disconnect();
    this.resizer = undefined;
    this.instance?.dispose();
    this.instance = undefined;
    this.drawn = '';
  }

  private warnOnce(message: string): void {
    if (this.warned.has(message)) return;
    this.warned.add(message);
    console.warn(message);
  }
}

function reason(error: unknown, locale: Locale): string {
  return error instanceof KehuError ? error.messageIn(locale) : error instanceof Error ? error.message : String(error);
}
