using PartyPlatform.Auditing;
using PartyPlatform.Personnel.People;

namespace PartyPlatform.Personnel.Data;

public static class PersonnelDataExtensions
{
    public const string ConnectionName = "personneldb";

    /// <summary>The audit records that an ID number or phone changed, never its value.</summary>
    public static IHostApplicationBuilder AddPersonnelData(this IHostApplicationBuilder builder) =>
        builder.AddPlatformDbContext<PersonnelDb>(ConnectionName, audit => audit.Redact(nameof(Person.IdNumber), nameof(Person.Phone)));
}
