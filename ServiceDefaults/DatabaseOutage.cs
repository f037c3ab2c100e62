using System.Data.Common;

namespace PartyPlatform;

/// <summary>
/// A lost or refused database connection anywhere in the chain (EF wraps the driver's exception once or
/// twice): a transient failure without a server error, or the server's own "connection exception" (08)
/// and "operator intervention" (57P: shutting down, starting up). Deadlocks and serialization failures
/// are not outages.
/// </summary>
public static class DatabaseOutage
{
    public static bool Is(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is DbException { IsTransient: true } failure
                && (failure.SqlState is null || failure.SqlState.StartsWith("08", StringComparison.Ordinal) || failure.SqlState.StartsWith("57P", StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }
}
