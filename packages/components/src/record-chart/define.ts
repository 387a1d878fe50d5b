import { KehuRecordChart } from './record-chart.js';

if (!customElements.get('kehu-record-chart')) customElements.define('kehu-record-chart', KehuRecordChart);

declare global {
  interface HTMLElementTagNameMap {
    'kehu-record-chart': KehuRecordChart;
  }
}
