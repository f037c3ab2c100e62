using Microsoft.EntityFrameworkCore;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Organizations.Data;
using PartyPlatform.Organizations.Units;

namespace PartyPlatform.Organizations.PartyOrganizations;

/// <summary>Gives a new Party organisation its code (<see cref="PartyOrganizationCode"/>).</summary>
public static class PartyOrganizationCodes
{
    public static async Task<string> CodeForAsync(this OrganizationsDb db, PartyOrganizationKind kind, AdministrativeUnit unit, CancellationToken ct)
    {
        if (PartyOrganizationCode.OwnCode(kind, unit) is { } own)
        {
            return own;
        }

        // The unit's own division code, else its nearest ancestor's: every ancestor's path is a prefix of the unit's.
        var divisionCode = unit.Code ?? await db.Units
            .Where(a => a.Code != null && unit.Path.StartsWith(a.Path))
            .OrderByDescending(a => a.Path.Length)
            .Select(a => a.Code)
            .FirstOrDefaultAsync(ct);
        var prefix = PartyOrganizationCode.Prefix(divisionCode, kind);

        // One statement takes the next number: the row lock makes two creations under one prefix count
        // one after the other, in or out of a transaction. Outside one the number is spent even if the
        // creation then fails, which leaves a gap and never hands a number out twice.
        var next = (await db.Database.SqlQuery<int>($"""
            INSERT INTO party_organization_code_sequences (prefix, last) VALUES ({prefix}, 1)
            ON CONFLICT (prefix) DO UPDATE SET last = party_organization_code_sequences.last + 1
            RETURNING last AS "Value"
            """).ToListAsync(ct)).Single();
        if (next > PartyOrganizationCode.MaxSequence)
        {
            throw new ConflictException(
                $"'{unit.Name}' already has {PartyOrganizationCode.MaxSequence} {kind} Party organisations numbered under {prefix}; create this one on another unit.");
        }

        return PartyOrganizationCode.Assigned(prefix, next);
    }
}
