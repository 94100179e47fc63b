import type { FormInstance } from 'antd';

/**
 * The form's values, or null when validation fails (the form already shows the errors).
 * `form.validateFields()` rejects on invalid input; awaited bare in a click handler that
 * rejection would surface as an unhandled promise rejection.
 */
export async function validValues<T>(form: FormInstance<T>): Promise<T | null> {
  try {
    return await form.validateFields();
  } catch {
    return null;
  }
}
