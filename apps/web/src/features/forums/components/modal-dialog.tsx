import { ModalDialog as SharedModalDialog, type ModalDialogProps } from '../../../components/modal-dialog';

export type { ModalDialogProps };

/** The shared modal dialog, styled for the forums. */
export function ModalDialog(props: Omit<ModalDialogProps, 'block'>) {
  return <SharedModalDialog block="forum-dialog" {...props} />;
}
