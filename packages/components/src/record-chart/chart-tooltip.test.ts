import { expect } from '@open-wc/testing';
import { tooltipContent } from './chart-tooltip.js';

const format = (value: number | null) => (value === null ? '—' : `¥${value.toFixed(2)}`);

describe('tooltipContent()', () => {
  it('should list each series of an axis tooltip under the category', () => {
    const el = tooltipContent(
      [
        { name: '2024-03', seriesName: '订单', value: 1200.5, color: '#0f9d58' },
        { name: '2024-03', seriesName: '合同', value: null, color: '#f28c28' },
      ],
      format,
    );
    expect(el.textContent).to.equal('2024-03订单: ¥1200.50合同: —');
  });

  it('should show a pie slice with its share', () => {
    expect(tooltipContent({ name: 'VIP', value: 16, percent: 1.6 }, format).textContent).to.equal('VIP: ¥16.00 (1.6%)');
  });

  it('should show names as text, never as markup', () => {
    const el = tooltipContent({ name: '<img src=x onerror=alert(1)>', value: 1 }, format);
    expect(el.querySelector('img')).to.equal(null);
    expect(el.textContent).to.contain('<img src=x onerror=alert(1)>');
  });

  it('should style itself without a style attribute a strict CSP would refuse', async () => {
    const meta = document.createElement('meta');
    meta.httpEquiv = 'Content-Security-Policy';
    meta.content = "style-src-attr 'none'";
    document.head.append(meta);
    let violations = 0;
    const count = () => violations++;
    document.addEventListener('securitypolicyviolation', count);
    const el = tooltipContent([{ name: 'a', seriesName: 's', value: 1, color: 'rgb(1, 2, 3)' }], format);
    document.body.append(el);
    await new Promise((resolve) => setTimeout(resolve, 50));
    document.removeEventListener('securitypolicyviolation', count);
    expect(getComputedStyle(el.querySelector('span')!).backgroundColor).to.equal('rgb(1, 2, 3)');
    expect(violations).to.equal(0);
    el.remove();
  });
});
