using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyPlatform.Personnel.TownshipSecretaries;

namespace PartyPlatform.Personnel.Data;

public sealed class TownshipVacancyConfiguration : IEntityTypeConfiguration<TownshipVacancy>
{
    public void Configure(EntityTypeBuilder<TownshipVacancy> vacancy)
    {
        vacancy.ToTable("township_vacancies");
        vacancy.HasKey(v => v.FactId);
        vacancy.Property(v => v.FactId).ValueGeneratedNever();
        vacancy.HasIndex(v => v.UnitId);
    }
}
