namespace PartyPlatform.Personnel.TownshipSecretaries;

public static class TownshipSecretaryLimits
{
    public const int Reason = 500;
}
