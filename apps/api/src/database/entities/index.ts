import { RefreshTokenEntity } from './refresh-token.entity';
import { CityMembershipEntity } from './city-membership.entity';
import { CityEntity } from './city.entity';
import { UserEntity } from './user.entity';

/** Every entity, listed once for the data source and the Nest TypeORM module. */
export const ENTITIES = [UserEntity, RefreshTokenEntity, CityEntity, CityMembershipEntity];
