using System.Security.Cryptography;

namespace PartyPlatform.Identity.Accounts;

/// <summary>Generated client secrets and passwords: shown once to whoever asked, stored only hashed.</summary>
public static class Secrets
{
    // No 0/O, 1/l/I: a password read out over the phone to a township should survive it.
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    /// <summary>40 characters, about 234 bits.</summary>
    public static string NewClientSecret() => RandomNumberGenerator.GetString(Alphabet, 40);

    /// <summary>16 characters, about 93 bits.</summary>
    public static string NewPassword() => RandomNumberGenerator.GetString(Alphabet, 16);
}
