namespace PartyPlatform.Personnel.Posts;

public static class PostLimits
{
    public const int EndReason = 500;
}
