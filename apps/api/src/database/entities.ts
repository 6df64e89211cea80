import { RefreshTokenEntity } from '../auth/refresh-token.entity';
import { CityMembershipEntity } from '../cities/city-membership.entity';
import { CityEntity } from '../cities/city.entity';
import { UserEntity } from '../users/user.entity';

/** Every entity, listed once for the data source and the Nest TypeORM module. */
export const ENTITIES = [UserEntity, RefreshTokenEntity, CityEntity, CityMembershipEntity];
