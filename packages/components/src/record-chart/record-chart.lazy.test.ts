import { fixture, html, expect, waitUntil } from '@open-wc/testing';
import { createStore, type JsonSchema } from '@kehu/core';
import './define.js';
import type { KehuRecordChart } from './record-chart.js';

// Its own test file, so its page has loaded nothing from ECharts before these tests run. The
// browser keeps 250 resource entries by default, fewer than the modules this page has loaded.
performance.setResourceTimingBufferSize(100_000);

const noteSchema: JsonSchema = {
  $id: 'note',
  type: 'object',
  required: ['topic'],
  properties: { topic: { type: 'string', enum: ['sales', 'service'], maxLength: 10 } },
};

/** Paths of the ECharts modules this page has fetched so far. */
const echartsFetched = () =>
  performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname)
    .filter((path) => path.includes('/node_modules/echarts/'));

describe('<kehu-record-chart> loading ECharts', () => {
  it('should not fetch ECharts until a chart has data to draw', async () => {
    const store = await createStore({ entities: [noteSchema], name: `record-chart-lazy-${Date.now()}` });
    try {
      const el = await fixture<KehuRecordChart>(
        html`<kehu-record-chart entity="note" group-by="topic" locale="en" .store=${store}></kehu-record-chart>`,
      );
      await waitUntil(() => el.shadowRoot!.querySelector('[part~="empty"]'), 'empty state');
      expect(echartsFetched()).to.deep.equal([]);

      await store.entity('note').bulkInsert([{ topic: 'sales' }, { topic: 'service' }, { topic: 'sales' }]);
      await waitUntil(() => el.chart, 'chart drawn after the insert', { timeout: 15000 });
      const fetched = echartsFetched();
      expect(fetched).to.include('/node_modules/echarts/core.js');
      expect(fetched.some((path) => path.includes('/lib/chart/bar/'))).to.equal(true);
      // Only the chart types the element draws, none of the other twenty.
      const others =
        /\/lib\/chart\/(boxplot|candlestick|effectScatter|funnel|gauge|graph|heatmap|lines|map|parallel|radar|sankey|scatter|sunburst|themeRiver|tree|treemap)\//;
      expect(fetched.filter((path) => others.test(path))).to.deep.equal([]);
    } finally {
      await store.close();
    }
  });
});
