/** What other folders may use of this feature (docs/architecture.md). */
export { CitiesModule } from './cities.module';
export { CITY_SUMMARY_COLUMNS, toCitySummary } from './cities.service';
export type { CityRow } from './cities.service';
