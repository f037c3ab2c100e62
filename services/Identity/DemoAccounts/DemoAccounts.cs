using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using PartyPlatform.Identity.Accounts;
using PartyPlatform.Identity.Clients;
using PartyPlatform.Identity.Data;
using PartyPlatform.Identity.People;

namespace PartyPlatform.Identity.DemoAccounts;

/// <summary>
/// DEVELOPMENT ONLY (<c>Identity:SeedDemoAccounts=true</c>, which the AppHost sets in run mode): one
/// client and one person per role for the demo city, with the fixed credentials listed in the README.
/// Accounts that exist already are left as they are.
/// </summary>
public static class DemoAccounts
{
    public const string City = "610500000000";
    public const string LinweiCounty = "610502000000";
    public const string LinweiTownship = "610502001000";
    public const string UserPassword = "Dev!Passw0rd";

    public static IReadOnlyList<(CreateClientRequest Client, string Secret)> Clients { get; } =
    [
        (new("city-admin-system", "市委组织部管理系统（开发）", City, [PlatformRole.CityAdministrator]), "dev-secret-city-admin"),
        (new("city-operator-system", "市委组织部业务系统（开发）", City, [PlatformRole.CityOperator]), "dev-secret-city-operator"),
        (new("city-viewer-system", "市级只读系统（开发）", City, [PlatformRole.CityViewer]), "dev-secret-city-viewer"),
        (new("linwei-county-system", "临渭区组织部系统（开发）", LinweiCounty, [PlatformRole.CountyOperator]), "dev-secret-linwei"),
        (new("linwei-township-system", "临渭区示例镇系统（开发）", LinweiTownship, [PlatformRole.TownshipOperator]), "dev-secret-linwei-township"),
        (new("dashboard-viewer-system", "大屏只读系统（开发）", City, [PlatformRole.Viewer]), "dev-secret-viewer"),
        (new("linwei-personnel-system", "临渭区组织部人事系统（开发）", LinweiCounty, [PlatformRole.PersonnelOfficer]), "dev-secret-linwei-personnel"),
    ];

    public static IReadOnlyList<CreateUserRequest> Users { get; } =
    [
        new("city-admin", "市级管理员（示例）", City, [PlatformRole.CityAdministrator]),
        new("city-operator", "市级操作员（示例）", City, [PlatformRole.CityOperator]),
        new("city-viewer", "市级查看员（示例）", City, [PlatformRole.CityViewer]),
        new("linwei-operator", "临渭区操作员（示例）", LinweiCounty, [PlatformRole.CountyOperator]),
        new("linwei-township-operator", "临渭区示例镇操作员（示例）", LinweiTownship, [PlatformRole.TownshipOperator]),
        new("viewer", "查看员（示例）", City, [PlatformRole.Viewer]),
        new("city-personnel-officer", "市委组织部人事专员（示例）", City, [PlatformRole.PersonnelOfficer]),
    ];

    public static async Task<int> SeedAsync(
        IdentityDb db, IOpenIddictApplicationManager applications, IPasswordHasher<Person> hasher, DateTimeOffset now, CancellationToken ct)
    {
        var created = 0;
        foreach (var (client, secret) in Clients)
        {
            if (!await db.Clients.AnyAsync(c => c.ClientId == client.ClientId, ct))
            {
                await ClientsApi.CreateAsync(db, applications, client, secret, now, ct);
                created++;
            }
        }

        foreach (var user in Users)
        {
            if (!await db.People.AnyAsync(p => p.UserName == user.UserName, ct))
            {
                await UsersApi.CreateAsync(db, hasher, user, UserPassword, now, ct);
                created++;
            }
        }

        return created;
    }
}
