import { defineMessages, useMessages } from '../i18n/index.js';

const none = defineMessages<never>({}, {});

/** `t` over the common catalog only: the shell and the shared components use no module's words. */
export const useCommonText = () => useMessages(none);
