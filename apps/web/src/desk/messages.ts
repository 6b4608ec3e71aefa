import { addRoomMessages } from '../shared/i18n';
// Compiled at build time like the shared messages; they come with the desk's code, so the phone never loads them.
import enUS from './locales/en-US.json';
import zhCN from './locales/zh-CN.json';

addRoomMessages({ 'zh-CN': zhCN, 'en-US': enUS });
