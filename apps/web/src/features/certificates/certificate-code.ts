/** A verification code in groups of four, as the PDF prints it: ABCD-EFGH-… */
export const groupedCode = (code: string) => code.toUpperCase().replace(/(.{4})(?=.)/g, '$1-');
