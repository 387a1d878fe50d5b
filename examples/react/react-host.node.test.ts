// The React 19 host example as its users meet it: built from the packages' dist, served as static
// files, driven in headless Chromium. The checks are shared with the Vue host (scripts/host-app-suite.mjs).
import { describeHostApp } from '../../scripts/host-app-suite.mjs';

describeHostApp({ host: 'react', brand: 'rgb(15, 118, 110)' });
