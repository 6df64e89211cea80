import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { PlatformRole, UiLanguage, WorkLanguage } from '@twinning/contracts';

@Entity({ name: 'users' })
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Stored lower-cased; unique. */
  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash!: string;

  @Column({ name: 'display_name', type: 'varchar', length: 80 })
  displayName!: string;

  /** Unique handle for @mentions; assigned by a database trigger on insert when left empty. */
  @Column({ type: 'varchar', length: 32, insert: false, update: false })
  handle!: string;

  @Column({ name: 'preferred_language', type: 'varchar', length: 5, default: 'en' })
  preferredLanguage!: UiLanguage;

  @Column({ name: 'time_zone', type: 'varchar', length: 64, default: 'UTC' })
  timeZone!: string;

  /** Platform roles held (a set: known roles, each once, kept in PLATFORM_ROLES order); empty for a member. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  roles!: PlatformRole[];

  /** Languages the user works in (WORK_LANGUAGES codes). */
  @Column({ name: 'work_languages', type: 'text', array: true, default: () => "'{}'" })
  workLanguages!: WorkLanguage[];

  /** When the owner last proved they read mail at `email`; null: not verified (they cannot post). */
  @Column({ name: 'email_verified_at', type: 'timestamptz', nullable: true })
  emailVerifiedAt!: Date | null;

  /** Set when a mail server refused `email` permanently; mail to it stops until it is re-verified or changed. */
  @Column({ name: 'email_bouncing_at', type: 'timestamptz', nullable: true })
  emailBouncingAt!: Date | null;

  /** Access tokens issued before this instant are refused (a password reset signs every session out). */
  @Column({ name: 'sessions_revoked_at', type: 'timestamptz', nullable: true })
  sessionsRevokedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
