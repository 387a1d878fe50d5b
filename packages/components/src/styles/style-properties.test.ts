import { expect, fixture, html } from '@open-wc/testing';
import { render } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { styleProperties } from './style-properties.js';

/** Style-attribute violations reported while `run` renders, under a policy that forbids them. */
async function styleViolations(run: () => Promise<void> | void): Promise<number> {
  let count = 0;
  const onViolation = (event: SecurityPolicyViolationEvent) => {
    if (event.violatedDirective.startsWith('style-src')) count++;
  };
  document.addEventListener('securitypolicyviolation', onViolation);
  try {
    await run();
    // Violation events are queued as tasks.
    await new Promise((resolve) => setTimeout(resolve, 50));
  } finally {
    document.removeEventListener('securitypolicyviolation', onViolation);
  }
  return count;
}

describe('styleProperties()', () => {
  before(() => {
    // What a strict Content-Security-Policy says about style attributes; applies from here on.
    const meta = document.createElement('meta');
    meta.httpEquiv = 'Content-Security-Policy';
    meta.content = "style-src-attr 'none'";
    document.head.append(meta);
  });

  it('should set custom properties on first render and on updates, without a CSP violation', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const view = (columns: string | undefined) => html`<p ${styleProperties({ '--_columns': columns })}>x</p>`;
    const violations = await styleViolations(() => {
      render(view('1fr 2fr'), host);
      expect(getComputedStyle(host.querySelector('p')!).getPropertyValue('--_columns').trim()).to.equal('1fr 2fr');
      render(view('3fr'), host);
      expect(getComputedStyle(host.querySelector('p')!).getPropertyValue('--_columns').trim()).to.equal('3fr');
      render(view(undefined), host);
      expect(host.querySelector('p')!.style.getPropertyValue('--_columns')).to.equal('');
    });
    expect(violations).to.equal(0);
  });

  it('should be needed: Lit’s styleMap writes a style attribute on first render, which the policy refuses', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const violations = await styleViolations(() => {
      render(html`<p style=${styleMap({ '--_columns': '1fr' })}>x</p>`, host);
    });
    expect(violations).to.be.greaterThan(0);
  });

  it('should refuse to sit anywhere but in element position', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    expect(() => render(html`<p>${styleProperties({})}</p>`, host)).to.throw(/element position/);
  });
});
