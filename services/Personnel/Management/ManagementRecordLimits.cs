namespace PartyPlatform.Personnel.Management;

public static class ManagementRecordLimits
{
    public const int Description = 2000;
    public const int Outcome = 500;
}
