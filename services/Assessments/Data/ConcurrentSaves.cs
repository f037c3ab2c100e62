using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace PartyPlatform.Assessments.Data;

public static class ConcurrentSaves
{
    /// <summary>Saves, answering 409 with <paramref name="conflict"/> when another request changed the same rows meanwhile (a version or a unique key).</summary>
    public static async Task SaveOrConflictAsync(this AssessmentsDb db, string conflict, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            throw new ConflictException(conflict);
        }
    }
}
