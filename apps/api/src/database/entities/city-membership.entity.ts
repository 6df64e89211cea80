import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { CityRole, JoinRequestStatus } from '@twinning/contracts';

/**
 * A user's tie to a city: a join request while pending, a role (official or coordinator) once approved.
 * One row per (city, user); a rejected request may be asked again, which reopens the row.
 */
@Entity({ name: 'city_memberships' })
export class CityMembershipEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'city_id', type: 'uuid' })
  cityId!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ type: 'varchar', length: 16, default: 'official' })
  role!: CityRole;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status!: JoinRequestStatus;

  @Column({ type: 'text', default: '' })
  message!: string;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy!: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
