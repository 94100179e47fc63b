/** The approval document type of reimbursement claims. */
export const CLAIM_DOC = 'expense_claim';
