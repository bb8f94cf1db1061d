/** The pack's parties: the client (without its private Notes and Risk), and the user. */
import type { Pack } from './types.ts';
import type { PackScope } from './scope.ts';

export function partiesSection(scope: PackScope): Pick<Pack, 'client' | 'language' | 'preparedBy' | 'you'> {
  const { settings } = scope.ledger;
  return {
    client: scope.client,
    language: scope.client.language,
    preparedBy: { yourName: settings.yourName, businessName: settings.businessName },
    you: {
      address: settings.yourAddress,
      companyNumber: settings.yourCompanyNumber,
      vatNumber: settings.yourVatNumber,
    },
  };
}
