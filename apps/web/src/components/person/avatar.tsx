import { avatarColor, AVATAR_TEXT_COLOR, initialsOf } from './avatar-style';

export interface AvatarProps {
  userId: string;
  name: string;
  /** Pixels; 32 in lists, 24 in dense rows, 56 on the card. */
  size?: number;
}

/** A person's generated avatar. Decorative: the name is always written beside it. */
export function Avatar({ userId, name, size = 32 }: AvatarProps) {
  return (
    <span
      className="avatar"
      aria-hidden="true"
      data-testid="avatar"
      style={{
        backgroundColor: avatarColor(userId),
        color: AVATAR_TEXT_COLOR,
        width: size,
        height: size,
        fontSize: Math.round(size * 0.42),
      }}
    >
      {initialsOf(name)}
    </span>
  );
}
