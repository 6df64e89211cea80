export { outboxKeys } from './api/outbox.keys';
export { useOutboxMail } from './api/get-outbox-mail';
export { OutboxList } from './components/outbox-list';
export { OutboxMail } from './components/outbox-mail';
export { DevOutboxLink } from './components/dev-outbox-link';
