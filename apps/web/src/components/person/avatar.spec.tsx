import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Avatar } from './avatar';
import { AVATAR_PALETTE, AVATAR_TEXT_COLOR, avatarColor, contrastRatio, initialsOf } from './avatar-style';

describe('Avatar', () => {
  it('gives the same user the same colour every time, and different users different colours', () => {
    const id = '3f0c9a7e-5b1d-4c2e-9a8f-1d2e3f4a5b6c';
    expect(avatarColor(id)).toBe(avatarColor(id));
    expect(AVATAR_PALETTE).toContain(avatarColor(id));
    const colours = new Set(Array.from({ length: 64 }, (_, i) => avatarColor(`user-${i}`)));
    expect(colours.size).toBeGreaterThan(AVATAR_PALETTE.length / 2);
  });

  it('keeps the colour when the name changes: it depends on the id only', () => {
    const { rerender } = render(<Avatar userId="user-ana" name="Ana Souza" />);
    const before = screen.getByTestId('avatar').style.backgroundColor;
    rerender(<Avatar userId="user-ana" name="Ana Souza-Lima" />);
    expect(screen.getByTestId('avatar').style.backgroundColor).toBe(before);
  });

  it('has WCAG AA contrast (4.5:1) between its text and every background', () => {
    for (const colour of AVATAR_PALETTE) {
      expect(contrastRatio(colour, AVATAR_TEXT_COLOR)).toBeGreaterThanOrEqual(4.5);
    }
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
  });

  it('writes initials for Latin names and one letter for Arabic ones', () => {
    expect(initialsOf('Ana Souza')).toBe('AS');
    expect(initialsOf('zaid al-amin')).toBe('ZA');
    expect(initialsOf('Li')).toBe('L');
    expect(initialsOf('  Émilie   Durand ')).toBe('ÉD');
    expect(initialsOf('زيد العمري')).toBe('ز');
    expect(initialsOf('فاطمة')).toBe('ف');
    expect(initialsOf('')).toBe('?');
    expect(initialsOf('(Marc) Dubois')).toBe('MD');
  });

  it('is hidden from assistive technology: the name is always written beside it', () => {
    render(<Avatar userId="user-ana" name="Ana Souza" />);
    expect(screen.getByTestId('avatar')).toHaveAttribute('aria-hidden', 'true');
    expect(screen.getByTestId('avatar')).toHaveTextContent('AS');
  });
});
