import type { CityRole, ImmigrationProfile, JoinRequestStatus, Region, Theme } from './domain';
import type { UserSummary } from './auth';
import type { PersonSummary } from './people';
import type { PageQuery } from './pagination';
import type { TrainingSkill } from './training';

export interface CitySummaryDto {
  id: string;
  slug: string;
  name: string;
  countryCode: string;
  region: Region;
  immigrationProfile: ImmigrationProfile;
  population: number;
  themes: Theme[];
}

export interface CityDto extends CitySummaryDto {
  languages: string[];
  timeZone: string;
  description: string;
  /** Skills the city declares it can train others in: its coordinators may answer training requests. */
  trainingSkills: TrainingSkill[];
  createdAt: string;
  updatedAt: string;
}

export interface CityOfficialDto {
  user: PersonSummary;
  role: CityRole;
  since: string;
}

/** The city page: profile, its officials and what the viewer may do there. */
export interface CityDetailDto extends CityDto {
  officials: CityOfficialDto[];
  viewer: {
    role: CityRole | null;
    joinRequest: JoinRequestStatus | null;
    canEdit: boolean;
    canReviewRequests: boolean;
  };
}

export interface CityListQuery extends PageQuery {
  region?: Region;
  profile?: ImmigrationProfile;
  theme?: Theme;
  q?: string;
}

export interface CreateCityRequest {
  name: string;
  countryCode: string;
  region: Region;
  immigrationProfile: ImmigrationProfile;
  population: number;
  languages: string[];
  timeZone: string;
  themes: Theme[];
  description: string;
  /** From TRAINING_SKILLS; empty (the default) when the city offers no training. */
  trainingSkills?: TrainingSkill[];
}

export type UpdateCityRequest = Partial<CreateCityRequest>;

export interface JoinCityRequest {
  message?: string;
}

export interface JoinRequestDto {
  id: string;
  city: { id: string; slug: string; name: string };
  user: UserSummary & { email: string };
  status: JoinRequestStatus;
  message: string;
  createdAt: string;
  decidedAt: string | null;
  decidedBy: UserSummary | null;
}

export interface DecideJoinRequest {
  decision: 'approve' | 'reject';
}

export interface SetCityRoleRequest {
  role: CityRole;
}
