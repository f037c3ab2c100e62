namespace PartyPlatform.Personnel.People;

public enum Gender
{
    Male,
    Female,
}
