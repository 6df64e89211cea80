import type { UserSummary } from './auth';
import type { PersonSummary } from './people';
import type { CitySummaryDto } from './cities';
import type {
  CityRole,
  ImmigrationProfile,
  MilestoneStatus,
  PartnershipCityStatus,
  PartnershipRole,
  PartnershipStatus,
  Region,
  Theme,
} from './domain';
import type { PageQuery } from './pagination';

export interface PartnershipCityDto {
  city: CitySummaryDto;
  status: PartnershipCityStatus;
  /** Who invited this city (absent for the proposing city). */
  invitedBy: UserSummary | null;
  invitedAt: string;
  /** When the city accepted, declined or its invitation was withdrawn. */
  decidedAt: string | null;
  decidedBy: UserSummary | null;
  message: string;
}

export interface PartnershipSummaryDto {
  id: string;
  title: string;
  status: PartnershipStatus;
  themes: Theme[];
  cities: { id: string; slug: string; name: string; status: PartnershipCityStatus }[];
  createdAt: string;
  updatedAt: string;
  /** The viewer's role: null when they only see it because their city is invited (or as an admin). */
  viewerRole: PartnershipRole | null;
  /** True when a city the viewer coordinates is invited and may accept or decline. */
  awaitingMyDecision: boolean;
}

export interface PartnershipMemberDto {
  /** With the member city they belong to in this partnership. */
  user: PersonSummary;
  city: { id: string; slug: string; name: string };
  cityRole: CityRole;
  role: PartnershipRole;
}

export interface MilestoneDto {
  id: string;
  title: string;
  owner: UserSummary | null;
  dueDate: string | null;
  status: MilestoneStatus;
  createdAt: string;
  updatedAt: string;
}

export const PARTNERSHIP_EVENT_ACTIONS = [
  'proposed',
  'invited',
  'accepted',
  'declined',
  'withdrawn',
  'activated',
  'concluded',
  'updated',
] as const;
export type PartnershipEventAction = (typeof PARTNERSHIP_EVENT_ACTIONS)[number];

/** One recorded transition: who did what, to which city, when. */
export interface PartnershipEventDto {
  id: string;
  action: PartnershipEventAction;
  actor: UserSummary | null;
  city: { id: string; slug: string; name: string } | null;
  note: string;
  createdAt: string;
}

export interface PartnershipDetailDto {
  id: string;
  title: string;
  status: PartnershipStatus;
  themes: Theme[];
  goals: string;
  cities: PartnershipCityDto[];
  /** Officials of member cities; empty for viewers who are not members. */
  members: PartnershipMemberDto[];
  milestones: MilestoneDto[];
  history: PartnershipEventDto[];
  /** The partnership's private forum (visible to members and admins). */
  forumId: string | null;
  createdAt: string;
  updatedAt: string;
  concludedAt: string | null;
  viewer: {
    role: PartnershipRole | null;
    /** Member cities this viewer coordinates (may invite, edit, conclude). */
    coordinatesCityIds: string[];
    /** Invited cities this viewer coordinates (may accept or decline). */
    canDecideForCityIds: string[];
    /** Invitations this viewer may withdraw (the ones their cities sent, or the proposal). */
    canWithdrawCityIds: string[];
    canEdit: boolean;
    canConclude: boolean;
    canInvite: boolean;
    canSeeForum: boolean;
  };
}

export interface PartnershipListQuery extends PageQuery {
  status?: PartnershipStatus;
}

export interface ProposePartnershipRequest {
  /** The viewer's city, on whose behalf they propose (they must be one of its officials). */
  fromCityId: string;
  toCityId: string;
  /** Defaults to "From city – To city". */
  title?: string;
  themes: Theme[];
  goals: string;
  message?: string;
}

export interface UpdatePartnershipRequest {
  title?: string;
  themes?: Theme[];
  goals?: string;
}

export interface InviteCityRequest {
  cityId: string;
  message?: string;
}

export interface DecideInvitationRequest {
  decision: 'accept' | 'decline';
  note?: string;
}

export interface ConcludePartnershipRequest {
  note?: string;
}

export interface CreateMilestoneRequest {
  title: string;
  ownerId?: string | null;
  /** ISO date, YYYY-MM-DD. */
  dueDate?: string | null;
  status?: MilestoneStatus;
}

export type UpdateMilestoneRequest = Partial<CreateMilestoneRequest>;

/** The partnership's activity feed, newest first. Later issues add visits and workshops. */
export type PartnershipActivityDto =
  | { kind: 'event'; at: string; event: PartnershipEventDto }
  | {
      kind: 'thread';
      at: string;
      thread: { id: string; title: string; author: UserSummary; postCount: number };
    }
  | { kind: 'milestone'; at: string; milestone: MilestoneDto };

// ---------------------------------------------------------------------------------------------
// Matching

/**
 * Score weights for partner suggestions (documented in the README). The score is the sum of the
 * parts, out of 100, so anyone can recompute it from the reasons.
 */
export const MATCH_WEIGHTS = {
  /** Traditional ↔ emerging: the two learn most from each other. */
  complementaryProfile: 40,
  /** Per shared focus theme, up to `sharedThemesMax` themes. */
  sharedTheme: 10,
  sharedThemesMax: 4,
  /** Inter-regional exchange is valued. */
  differentRegion: 20,
} as const;

export interface MatchReasons {
  profiles: { mine: ImmigrationProfile; theirs: ImmigrationProfile; complementary: boolean };
  sharedThemes: Theme[];
  regions: { mine: Region; theirs: Region; different: boolean };
}

export interface MatchSuggestionDto {
  city: CitySummaryDto;
  score: number;
  /** Points per criterion; they add up to `score`. */
  breakdown: { profile: number; themes: number; region: number };
  reasons: MatchReasons;
  /** A partnership between the two cities is waiting for an answer. */
  pendingProposalId: string | null;
}

export interface MatchQuery {
  region?: Region;
  theme?: Theme;
  limit?: number;
}

export interface MatchSuggestionsDto {
  city: CitySummaryDto;
  weights: typeof MATCH_WEIGHTS;
  items: MatchSuggestionDto[];
}
