using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartyPlatform.Identity.Accounts;
using PartyPlatform.Identity.Clients;

namespace PartyPlatform.Identity.Data;

public sealed class ApiClientConfiguration : IEntityTypeConfiguration<ApiClient>
{
    public void Configure(EntityTypeBuilder<ApiClient> client)
    {
        client.ToTable("api_clients");
        client.HasKey(c => c.ClientId);
        client.Property(c => c.ClientId).HasMaxLength(ApiClient.MaxClientIdLength);
        client.Property(c => c.DisplayName).HasMaxLength(ApiClient.MaxDisplayNameLength);
        client.Property(c => c.UnitCode).HasMaxLength(UnitCodes.Length);
        client.PrimitiveCollection(c => c.Roles).ElementType(role => role.HasConversion<string>());

        client.HasIndex(c => c.UnitCode);
    }
}
