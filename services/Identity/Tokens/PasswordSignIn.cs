using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PartyPlatform.Identity.Accounts;
using PartyPlatform.Identity.Data;
using PartyPlatform.Identity.People;

namespace PartyPlatform.Identity.Tokens;

/// <summary>What the sign-in form's user name and password came to.</summary>
public sealed record PasswordCheck(Person? SignedIn, TimeSpan? LockedFor)
{
    public static readonly PasswordCheck Refused = new(null, null);
}

/// <summary>
/// The password check of the sign-in form, braked per account (<see cref="SignInBrakeSettings"/>).
/// Every answer costs exactly one password-hash verification, so that an unknown, disabled or
/// locked account answers as slowly as a wrong password and the timing tells nothing.
/// </summary>
public sealed class PasswordSignIn(IdentityDb db, IPasswordHasher<Person> hasher, IOptions<IdentitySettings> settings, TimeProvider time)
{
    private static string? dummyHash;

    public Task<PasswordCheck> CheckAsync(string userName, string password, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // The row stays locked until the count is written: guesses at one account in parallel
            // wait in line, and each of them is counted.
            var person = (await db.People.FromSql($"SELECT * FROM people WHERE user_name = {userName} FOR UPDATE").ToListAsync(ct))
                .SingleOrDefault();
            var check = Check(person, password, time.GetUtcNow());
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return check;
        }, cancellationToken);

    private PasswordCheck Check(Person? person, string password, DateTimeOffset now)
    {
        if (person is not { CanSignIn: true } || person.IsLockedAt(now))
        {
            hasher.VerifyHashedPassword(null!, dummyHash ??= hasher.HashPassword(null!, Secrets.NewPassword()), password);
            return person is { CanSignIn: true, LockedUntil: { } until } ? new PasswordCheck(null, until - now) : PasswordCheck.Refused;
        }

        var result = hasher.VerifyHashedPassword(person, person.PasswordHash, password);
        if (result == PasswordVerificationResult.Failed)
        {
            person.FailSignIn(now, settings.Value.SignInBrake);
            return person.IsLockedAt(now) ? new PasswordCheck(null, person.LockedUntil - now) : PasswordCheck.Refused;
        }

        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            person.SetPasswordHash(hasher.HashPassword(person, password), now);
        }

        person.ClearFailedSignIns();
        return new PasswordCheck(person, null);
    }
}
