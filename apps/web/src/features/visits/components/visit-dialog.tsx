import { ModalDialog, type ModalDialogProps } from '../../../components/modal-dialog';

export type VisitDialogProps = Omit<ModalDialogProps, 'block' | 'className' | 'describedBy' | 'fallbackFocus'>;

/** The shared modal dialog, styled for study visits. */
export function VisitDialog(props: VisitDialogProps) {
  return <ModalDialog block="visit-dialog" {...props} />;
}
