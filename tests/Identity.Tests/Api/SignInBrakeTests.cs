using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using PartyPlatform.Identity.People;
using static PartyPlatform.Identity.Tests.Api.OAuth;

namespace PartyPlatform.Identity.Tests.Api;

public sealed class SignInBrakeTests
{
    private const string Password = "Dev!Passw0rd";
    private const string Locked = "账号已暂时锁定";
    private const string Wrong = "用户名或密码错误";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Wrong_passwords_lock_the_account_for_longer_each_time_and_the_right_one_then_resets_it()
    {
        // Whole seconds: PostgreSQL keeps microseconds, a clock's ticks would not come back equal.
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
        await using var app = await IdentityApp.StartWithDemoAccountsAsync(
            new Dictionary<string, string?>
            {
                ["Identity:SignInBrake:FailuresBeforeLockout"] = "3",
                ["Identity:SignInBrake:FirstLockout"] = "00:01:00",
                ["Identity:SignInBrake:MaxLockout"] = "00:02:00",
            },
            services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(time)));
        var browser = app.CreateBrowser();
        var challenge = NewPkce().Challenge;

        Assert.Contains(Wrong, await FormErrorAsync(browser, challenge, "wrong-1"));
        Assert.Contains(Wrong, await FormErrorAsync(browser, challenge, "wrong-2"));
        Assert.Contains(Locked, await FormErrorAsync(browser, challenge, "wrong-3"));
        Assert.Equal(time.GetUtcNow().AddMinutes(1), await LockedUntilAsync(app));
        Assert.Contains(Locked, await FormErrorAsync(browser, challenge, Password));

        time.Advance(TimeSpan.FromSeconds(61));
        Assert.Contains(Locked, await FormErrorAsync(browser, challenge, "wrong-4"));
        Assert.Equal(time.GetUtcNow().AddMinutes(2), await LockedUntilAsync(app));
        time.Advance(TimeSpan.FromSeconds(121));
        Assert.Contains(Locked, await FormErrorAsync(browser, challenge, "wrong-5"));
        Assert.Equal(time.GetUtcNow().AddMinutes(2), await LockedUntilAsync(app)); // at the maximum
        Assert.Equal(5, await app.QueryScalarAsync<int>("SELECT failed_sign_ins FROM people WHERE user_name = 'city-operator'"));

        time.Advance(TimeSpan.FromSeconds(121));
        var signedIn = await SignInAsync(browser, challenge, "city-operator", Password);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Null(await LockedUntilAsync(app));
        Assert.Equal(0, await app.QueryScalarAsync<int>("SELECT failed_sign_ins FROM people WHERE user_name = 'city-operator'"));
        var audit = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/identity/audit?entityType=Person&pageSize=100", Ct);
        var locks = audit.GetProperty("items").EnumerateArray()
            .Where(e => e.GetProperty("changes").TryGetProperty("LockedUntil", out var until) && until.GetProperty("after").ValueKind != JsonValueKind.Null)
            .ToList();
        Assert.Equal(3, locks.Count);
        Assert.All(locks, e => Assert.Equal("POST /connect/authorize", e.GetProperty("operation").GetString()));
    }

    [Fact]
    public async Task An_unknown_a_disabled_and_a_locked_account_cost_one_hash_check_like_a_wrong_password()
    {
        var hasher = new CountingPasswordHasher();
        await using var app = await IdentityApp.StartWithDemoAccountsAsync(
            new Dictionary<string, string?> { ["Identity:SignInBrake:FailuresBeforeLockout"] = "2" },
            services => services.Replace(ServiceDescriptor.Singleton<IPasswordHasher<Person>>(hasher)));
        var browser = app.CreateBrowser();
        var challenge = NewPkce().Challenge;
        (await browser.PostAsync("/api/identity/users/city-viewer/disable", null, Ct)).EnsureSuccessStatusCode();
        Assert.Contains(Wrong, await FormErrorAsync(browser, challenge, "wrong-1", "city-operator"));
        Assert.Contains(Locked, await FormErrorAsync(browser, challenge, "wrong-2", "city-operator"));

        foreach (var (user, password, error) in new[]
                 {
                     ("city-admin", "wrong", Wrong),
                     ("no-such-user", Password, Wrong),
                     ("city-viewer", Password, Wrong),
                     ("city-operator", Password, Locked),
                 })
        {
            var before = hasher.Verifications;
            Assert.Contains(error, await FormErrorAsync(browser, challenge, password, user));
            Assert.Equal(1, hasher.Verifications - before);
        }
    }

    /// <summary>Signs in and expects the form back (no code): returns its text.</summary>
    private static async Task<string> FormErrorAsync(HttpClient browser, string challenge, string password, string user = "city-operator")
    {
        var answer = await SignInAsync(browser, challenge, user, password);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Null(answer.Headers.Location);
        return await answer.Content.ReadAsStringAsync(Ct);
    }

    private static async Task<DateTimeOffset?> LockedUntilAsync(IdentityApp app) =>
        await app.QueryScalarAsync<DateTime?>("SELECT locked_until FROM people WHERE user_name = 'city-operator'") is { } until
            ? new DateTimeOffset(until, TimeSpan.Zero)
            : null;

    /// <summary>The real hasher, counting how often a password is checked against a hash.</summary>
    private sealed class CountingPasswordHasher : IPasswordHasher<Person>
    {
        private readonly PasswordHasher<Person> hasher = new();
        private int verifications;

        public int Verifications => Volatile.Read(ref verifications);

        public string HashPassword(Person user, string password) => hasher.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(Person user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref verifications);
            return hasher.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
