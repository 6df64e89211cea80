/** What other folders may use of this feature (docs/architecture.md). */
export { CitiesModule } from './cities.module';
export { CitiesRepository } from './cities.repository';
export type { CityRef, PartnerCandidate, PartnershipCityRecord } from './cities.repository';
export { CityMembershipsRepository } from './memberships.repository';
