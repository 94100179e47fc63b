/** The approval engine's document type of sales returns. */
export const RETURN_DOC = 'sales_return';
