/** What other folders may use of this feature (docs/architecture.md). */
export { AccessTokenService } from './access-token.service';
export { AuthModule } from './auth.module';
