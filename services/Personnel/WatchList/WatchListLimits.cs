namespace PartyPlatform.Personnel.WatchList;

public static class WatchListLimits
{
    public const int Reason = 500;
}
