using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyPlatform.Identity.Accounts;
using PartyPlatform.Identity.People;

namespace PartyPlatform.Identity.Data;

public sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> person)
    {
        person.ToTable("people");
        person.HasKey(p => p.Id);
        person.Property(p => p.Id).ValueGeneratedNever();
        person.Property(p => p.UserName).HasMaxLength(Person.MaxUserNameLength);
        person.Property(p => p.DisplayName).HasMaxLength(Person.MaxDisplayNameLength);
        person.Property(p => p.UnitCode).HasMaxLength(UnitCodes.Length);
        person.PrimitiveCollection(p => p.Roles).ElementType(role => role.HasConversion<string>());
        person.Property(p => p.PasswordHash).HasMaxLength(200);

        person.HasIndex(p => p.UserName).IsUnique();
        person.HasIndex(p => p.UnitCode);
    }
}
