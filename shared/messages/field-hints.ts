/**
 * What to fill in when a merge field has no value, per field: the Templates help and the
 * `template_missing_value` problem's fix say it. Apart from templates.ts so that the problem
 * texts (shared/problems/en.ts) carry these lines, not every built-in template.
 */
export const FIELD_HINTS = {
  contact: 'Fill in Contact for the client in the Clients tab.',
  client: 'Fill in Client in the Clients tab.',
  id: 'Give the milestone an ID.',
  invoice: 'Fill in Invoice in the Milestones tab.',
  project: 'Fill in Project in the Milestones tab.',
  description: 'Fill in Description in the Milestones tab.',
  amount: 'Fill in Amount in the Milestones tab.',
  paid: 'Record payments in the Payments tab.',
  outstanding: 'Fill in Amount in the Milestones tab.',
  due_date: 'Fill in Due date or Invoice date in the Milestones tab.',
  days_overdue: 'Fill in Due date or Invoice date in the Milestones tab.',
  days_late: 'Fill in Due date or Invoice date in the Milestones tab.',
  late_interest:
    'Statutory interest applies to B2B clients under a jurisdiction Payladder has rates for, with Settings → Statutory interest on.',
  interest_rate: 'Statutory interest applies to B2B clients under a jurisdiction Payladder has rates for.',
  interest_law: 'Set Jurisdiction for the client to IT, EU or a GB- code, and Business to B2B.',
  compensation: 'Fixed compensation applies to late B2B invoices under EU, Italian or UK law.',
  total_claim: 'Fill in Amount in the Milestones tab.',
  terms: 'Fill in Terms in the Clients tab.',
  your_name: 'Fill in Your name in the Settings tab.',
  business_name: 'Fill in Business name in the Settings tab.',
  payment_plan: 'Make a payment plan for the client first (Payladder → Payment plan).',
  deadline: 'Always set.',
  deadline_days: 'Always set.',
  payment_details: 'Fill in Payment details in the Settings tab.',
  your_address: 'Fill in Your address in the Settings tab.',
  client_legal_name: 'Fill in Legal name for the client in the Clients tab.',
  client_address: 'Fill in Address for the client in the Clients tab.',
  contract_date: 'Put the signing date in Contract for the client in the Clients tab.',
  contract: 'Fill in Contract for the client in the Clients tab.',
  invoice_date: 'Fill in Invoice date in the Milestones tab.',
  promise_made: 'Log the promise in the Promises tab.',
  promise_by: 'Log the promise in the Promises tab.',
  promise_amount: 'Log the promise in the Promises tab.',
  court_route: "Payladder has no court route on file for the client's jurisdiction.",
  reminder_dates:
    'Log the reminders you sent in the Reminders tab (Channel: gmail, email, post, pec, registered or phone).',
  demand_date: 'Send the formal demand first, and log it in Reminders.',
  interest_to: 'Always set.',
  today: 'Always set.',
  small_claims_limit:
    "Payladder has no small-claims limit on file for the client's jurisdiction; check it with the court.",
  change_order: 'Add the change order to the Change orders tab.',
  change_description: 'Fill in Description in the Change orders tab.',
  change_amount: 'Fill in Amount in the Change orders tab.',
} as const;
