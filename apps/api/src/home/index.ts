/** What other folders may use of this feature (docs/architecture.md). */
export { HomeModule } from './home.module';
