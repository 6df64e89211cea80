import { ModalDialog, type ModalDialogProps } from '../../../../components/modal-dialog';

export type RoomDialogProps = Omit<ModalDialogProps, 'block' | 'className' | 'describedBy'>;

/** The shared modal dialog, styled for the live room. */
export function RoomDialog(props: RoomDialogProps) {
  return <ModalDialog block="room-dialog" {...props} />;
}
