/** What other folders may use of calendar invitations (docs/architecture.md). */
export { CalendarModule } from './calendar.module';
export {
  CalendarInvitations,
  type CalendarInvitation,
  type InvitationRecipient,
  type InvitationWhen,
} from './calendar-invitations.service';
