/** Post-sale milestone processes (交付后流程) as the API returns them. */
export interface MilestoneTemplateStep {
  id?: number;
  name: string;
  departmentId: number | null;
  departmentName?: string | null;
  offsetDays: number;
  requiredDocuments: string[];
  note: string | null;
}

export interface MilestoneTemplate {
  id: number;
  name: string;
  description: string | null;
  active: boolean;
  version: number;
  steps: MilestoneTemplateStep[];
}

export interface MilestoneStep {
  id: number;
  seq: number;
  name: string;
  departmentName: string | null;
  dueDate: string;
  requiredDocuments: string[];
  note: string | null;
  completedAt: string | null;
  completedByName: string | null;
  completionNote: string | null;
  late: boolean;
  documents: { id: number; name: string; fileName: string }[];
}

export interface MilestoneProcess {
  id: number;
  no: string;
  templateName: string;
  customerId: number;
  customerName: string;
  orderId: number | null;
  orderNo: string | null;
  contractId: number | null;
  contractNo: string | null;
  startDate: string;
  status: 'active' | 'completed';
  lateSteps: number;
  doneSteps: number;
  totalSteps: number;
  version: number;
  steps?: MilestoneStep[];
}

export interface LateStep {
  id: number;
  processId: number;
  processNo: string;
  templateName: string;
  customerName: string;
  orderNo: string | null;
  contractNo: string | null;
  name: string;
  departmentName: string | null;
  dueDate: string;
  ownerName: string;
}
