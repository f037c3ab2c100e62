namespace PartyPlatform.Personnel.People;

public static class PersonLimits
{
    public const int Name = 50;
    public const int Ethnicity = 20;
    public const int Phone = 20;
}
