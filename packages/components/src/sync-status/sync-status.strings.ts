import { addStrings } from '../i18n/strings.js';

addStrings({
  'syncStatus.label': { 'zh-CN': '同步状态', en: 'Sync status' },
  'syncStatus.offline': { 'zh-CN': '离线', en: 'Offline' },
  'syncStatus.syncing': { 'zh-CN': '正在同步', en: 'Syncing' },
  'syncStatus.idle': { 'zh-CN': '已同步', en: 'Synced' },
  'syncStatus.error': { 'zh-CN': '同步出错', en: 'Sync error' },
  'syncStatus.none': { 'zh-CN': '未同步', en: 'Not syncing' },
  'syncStatus.pending': { 'zh-CN': '{count} 项修改待发送', en: '{count} changes to send' },
  'syncStatus.pendingOne': { 'zh-CN': '1 项修改待发送', en: '1 change to send' },
  'syncStatus.lastSynced': { 'zh-CN': '上次同步：{time}', en: 'Last synced {time}' },
  'syncStatus.otherTab': { 'zh-CN': '由另一个标签页同步', en: 'via another tab' },
  'syncStatus.lastError': { 'zh-CN': '最近的错误：', en: 'Last error: ' },
});
