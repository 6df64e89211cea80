/** What other folders may use of this feature (docs/architecture.md). */
export { UsersModule } from './users.module';
export { UsersService } from './users.service';
export { UsersRepository } from './users.repository';
export type { NewUser } from './users.repository';
