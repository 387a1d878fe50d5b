// A Vue 3 host. Vue needs two things to host custom elements well: the `isCustomElement` compiler
// option (set where the .vue files are compiled: scripts/host-apps.mjs here, `vue({ template: {
// compilerOptions: { isCustomElement } } })` in a Vite config), and `markRaw` on objects handed to
// elements, so Kehu gets the store itself rather than a reactive proxy of it.
import { createApp, markRaw } from 'vue';
// Registers <kehu-*> before Vue renders them, so `.prop` bindings find the elements' properties.
import '@kehu/components/define.js';
import CustomerScreen from './CustomerScreen.vue';
import { openStore } from './store.js';

const store = markRaw(await openStore('kehu-vue-example'));
createApp(CustomerScreen, { store }).mount('#app');
