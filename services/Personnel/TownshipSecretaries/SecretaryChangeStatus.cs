namespace PartyPlatform.Personnel.TownshipSecretaries;

public enum SecretaryChangeStatus
{
    Pending,
    Approved,
    Rejected,
}
