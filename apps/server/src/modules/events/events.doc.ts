export const EVENT_DOC = 'event';
