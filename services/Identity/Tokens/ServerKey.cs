namespace PartyPlatform.Identity.Tokens;

/// <summary>
/// A key of the token server, kept in the Identity database so that tokens outlive a restart and
/// replicas agree: the RSA key that signs access and identity tokens (published at
/// <c>/.well-known/jwks</c>), and the AES key that encrypts authorization codes and refresh tokens.
/// </summary>
public sealed class ServerKey
{
    public const string Signing = "sig";
    public const string Encryption = "enc";

    private ServerKey(string id, string use, string algorithm, byte[] material, DateTimeOffset createdAt)
    {
        Id = id;
        Use = use;
        Algorithm = algorithm;
        Material = material;
        CreatedAt = createdAt;
    }

    /// <summary>The key id (<c>kid</c>) tokens name in their header.</summary>
    public string Id { get; private set; }

    /// <summary><see cref="Signing"/> or <see cref="Encryption"/>.</summary>
    public string Use { get; private set; }

    public string Algorithm { get; private set; }

    /// <summary>PKCS#8 for an RSA key, the raw bytes for an AES key.</summary>
    public byte[] Material { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static ServerKey Create(string use, string algorithm, byte[] material, DateTimeOffset now) =>
        new($"{use}-{Guid.CreateVersion7(now):N}", use, algorithm, material, now);
}
