// The Vue 3 host example as its users meet it: built from the packages' dist, served as static
// files, driven in headless Chromium. The checks are shared with the React host (scripts/host-app-suite.mjs).
import { describeHostApp } from '../../scripts/host-app-suite.mjs';

describeHostApp({ host: 'vue', brand: 'rgb(67, 56, 202)' });
