/** What other folders may use of this feature (docs/architecture.md). */
export { WorkshopsModule } from './workshops.module';
export { WorkshopCalendarService } from './workshop-calendar.service';
export { WorkshopAttendanceRepository, type WorkshopForCertificates } from './workshop-attendance.repository';
export { WorkshopAttendanceService } from './workshop-attendance.service';
export { WorkshopProvisioning, type ProvisionedWorkshop } from './workshop-provisioning.service';
