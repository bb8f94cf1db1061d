import { describe, expect, it } from 'vitest';
import { buildClientIndex, matchAny, matchClient } from '../../shared/match.ts';

// Addresses and domains are text from the ledger and from mail: names that are members of
// Object.prototype must be looked up as text, never found on the prototype.
describe('client lookup with names of object members', () => {
  const index = buildClientIndex([
    { client: 'Acme', emails: ['ap@acme.example', '@acme.example'] },
    { client: '__proto__', emails: ['constructor@proto.example'] },
  ]);

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'x@constructor', 'x@__proto__.example'])(
    '%s is nobody',
    (address) => expect(matchClient(index, address)).toBeNull(),
  );

  it('a client named __proto__ with an address named constructor is found', () => {
    expect(matchClient(index, 'constructor@proto.example')).toBe('__proto__');
    expect(matchAny(index, ['constructor', 'constructor@proto.example'])).toBe('__proto__');
  });

  it('an entry `@constructor` matches only its own domain', () => {
    const odd = buildClientIndex([{ client: 'Odd', emails: ['@constructor.example'] }]);
    expect(matchClient(odd, 'a@constructor.example')).toBe('Odd');
    expect(matchClient(odd, 'a@example')).toBeNull();
  });
});
