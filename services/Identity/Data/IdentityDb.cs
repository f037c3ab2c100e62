using Microsoft.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;
using PartyPlatform.Auditing;
using PartyPlatform.Identity.Clients;
using PartyPlatform.Identity.People;
using PartyPlatform.Identity.Tokens;

namespace PartyPlatform.Identity.Data;

/// <summary>
/// People, clients and the server's keys, plus OpenIddict's own tables (applications,
/// authorizations, scopes, tokens), registered by <c>UseOpenIddict()</c> on the options.
/// </summary>
public sealed class IdentityDb(DbContextOptions<IdentityDb> options) : DbContext(options)
{
    public DbSet<Person> People => Set<Person>();

    public DbSet<ApiClient> Clients => Set<ApiClient>();

    public DbSet<ServerKey> ServerKeys => Set<ServerKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfiguration(new PersonConfiguration());
        modelBuilder.ApplyConfiguration(new ApiClientConfiguration());
        modelBuilder.ApplyConfiguration(new ServerKeyConfiguration());
        modelBuilder.AddAuditLog();

        // OpenIddict names its tables itself ("OpenIddictTokens"); bring them in line with the rest.
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreApplication>().ToTable("openiddict_applications");
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreAuthorization>().ToTable("openiddict_authorizations");
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreScope>().ToTable("openiddict_scopes");
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreToken>().ToTable("openiddict_tokens");
    }
}
