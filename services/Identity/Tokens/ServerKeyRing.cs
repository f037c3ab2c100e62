using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using PartyPlatform.Identity.Data;

namespace PartyPlatform.Identity.Tokens;

/// <summary>
/// The token server's keys, read from the <c>server_keys</c> table at start-up (and made there on a
/// first start). OpenIddict's options take them from here, so nothing signs with an ephemeral key.
/// </summary>
public sealed class ServerKeyRing
{
    // Any constant: serialises the first start of replicas side by side, so they make one key, not two.
    private const long CreateKeysLock = 0x1D_5E_C0_DE;

    public SigningCredentials? SigningCredentials { get; private set; }

    public EncryptingCredentials? EncryptingCredentials { get; private set; }

    public async Task LoadAsync(IdentityDb db, TimeProvider time, CancellationToken ct)
    {
        var keys = await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({CreateKeysLock})", ct);
            var stored = await db.ServerKeys.AsNoTracking().OrderByDescending(k => k.CreatedAt).ToListAsync(ct);
            var now = time.GetUtcNow();
            if (!stored.Any(k => k.Use == ServerKey.Signing))
            {
                using var newRsa = RSA.Create(2048);
                var key = ServerKey.Create(ServerKey.Signing, SecurityAlgorithms.RsaSha256, newRsa.ExportPkcs8PrivateKey(), now);
                db.ServerKeys.Add(key);
                stored.Insert(0, key);
            }

            if (!stored.Any(k => k.Use == ServerKey.Encryption))
            {
                var key = ServerKey.Create(ServerKey.Encryption, SecurityAlgorithms.Aes256KW, RandomNumberGenerator.GetBytes(32), now);
                db.ServerKeys.Add(key);
                stored.Insert(0, key);
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return stored;
        });

        // The newest of each use; older rows stay for a later rotation that publishes them side by side.
        var signing = keys.First(k => k.Use == ServerKey.Signing);
        var encryption = keys.First(k => k.Use == ServerKey.Encryption);

        // Not disposed: IdentityModel caches signature providers that hold the key for the life of the process.
        var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(signing.Material, out _);
        SigningCredentials = new SigningCredentials(new RsaSecurityKey(rsa) { KeyId = signing.Id }, SecurityAlgorithms.RsaSha256);
        EncryptingCredentials = new EncryptingCredentials(
            new SymmetricSecurityKey(encryption.Material) { KeyId = encryption.Id },
            SecurityAlgorithms.Aes256KW, SecurityAlgorithms.Aes256CbcHmacSha512);
    }
}
