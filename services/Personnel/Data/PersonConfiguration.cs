using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyPlatform.Personnel.People;

namespace PartyPlatform.Personnel.Data;

public sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> person)
    {
        person.ToTable("people");
        person.HasKey(p => p.Id);
        person.Property(p => p.Id).ValueGeneratedNever();
        // One record per citizen: registering the same ID number again is a conflict, not a second person.
        person.HasIndex(p => p.IdNumber).IsUnique();
        person.HasIndex(p => p.UnitId);
        person.Property(p => p.Name).HasMaxLength(PersonLimits.Name);
        person.Property(p => p.Ethnicity).HasMaxLength(PersonLimits.Ethnicity);
        person.Property(p => p.IdNumber).HasMaxLength(CitizenIdNumber.Length);
        person.Property(p => p.Phone).HasMaxLength(PersonLimits.Phone);
        person.Property(p => p.Gender).HasConversion<string>().HasMaxLength(10);
        person.Property(p => p.Education).HasConversion<string>().HasMaxLength(20);
        person.Property(p => p.Source).HasConversion<string>().HasMaxLength(30);
        person.Property(p => p.Version).IsConcurrencyToken();
    }
}
