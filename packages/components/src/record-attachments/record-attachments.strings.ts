import type { Locale } from '@kehu/core';
import { addStrings, t } from '../i18n/strings.js';

const strings = {
  'recordAttachments.label': { 'zh-CN': '附件', en: 'Attachments' },
  'recordAttachments.upload': { 'zh-CN': '上传文件', en: 'Upload files' },
  'recordAttachments.drop': { 'zh-CN': '或将文件拖放到此处', en: 'or drop files here' },
  'recordAttachments.dropNow': { 'zh-CN': '松开即可上传', en: 'Release to upload' },
  'recordAttachments.empty': { 'zh-CN': '暂无附件', en: 'No attachments yet' },
  'recordAttachments.count': { 'zh-CN': '{count} 个文件', en: '{count} files' },
  'recordAttachments.noRecord': {
    'zh-CN': '请先保存记录，再添加附件。',
    en: 'Save the record first, then attach files.',
  },
  'recordAttachments.uploading': { 'zh-CN': '正在上传「{name}」', en: 'Uploading "{name}"' },
  'recordAttachments.uploaded': { 'zh-CN': '已上传「{name}」', en: 'Uploaded "{name}"' },
  'recordAttachments.removed': { 'zh-CN': '已删除「{name}」', en: 'Deleted "{name}"' },
  'recordAttachments.notAccepted': {
    'zh-CN': '「{name}」不能上传：此处只接受 {accept}。',
    en: '"{name}" cannot be attached here: only {accept} are accepted.',
  },
  'recordAttachments.failed': {
    'zh-CN': '「{name}」出错：{reason}',
    en: '"{name}" failed: {reason}',
  },
  'recordAttachments.open': { 'zh-CN': '预览「{name}」', en: 'Preview "{name}"' },
  'recordAttachments.download': { 'zh-CN': '下载', en: 'Download' },
  'recordAttachments.downloadName': { 'zh-CN': '下载「{name}」', en: 'Download "{name}"' },
  'recordAttachments.delete': { 'zh-CN': '删除', en: 'Delete' },
  'recordAttachments.deleteName': { 'zh-CN': '删除「{name}」', en: 'Delete "{name}"' },
  'recordAttachments.confirmDelete': {
    'zh-CN': '删除附件「{name}」？删除后无法恢复。',
    en: 'Delete the attachment "{name}"? This cannot be undone.',
  },
  'recordAttachments.close': { 'zh-CN': '关闭', en: 'Close' },
  'recordAttachments.previous': { 'zh-CN': '上一个', en: 'Previous' },
  'recordAttachments.next': { 'zh-CN': '下一个', en: 'Next' },
  'recordAttachments.noPreview': {
    'zh-CN': '此类文件无法在此预览，请下载后打开。',
    en: 'This kind of file cannot be previewed here; download it to open it.',
  },
  'recordAttachments.loadingPreview': { 'zh-CN': '正在加载…', en: 'Loading…' },
  'recordAttachments.meta': { 'zh-CN': '{size} · {date}', en: '{size} · {date}' },
  'recordAttachments.dismiss': { 'zh-CN': '关闭提示', en: 'Dismiss' },
} satisfies Record<string, Record<Locale, string>>;

export type AttachmentsStringKey = keyof typeof strings extends `recordAttachments.${infer K}` ? K : never;

let added = false;

/** The element's own text; registered on first use so `sideEffects`-trusting bundlers keep it. */
export function attachmentsText(
  locale: Locale,
  key: AttachmentsStringKey,
  values?: Record<string, string | number>,
): string {
  if (!added) {
    addStrings(strings);
    added = true;
  }
  return t(locale, `recordAttachments.${key}`, values);
}
