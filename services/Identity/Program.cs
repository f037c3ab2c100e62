using PartyPlatform.Auditing;
using PartyPlatform.Identity.Accounts;
using PartyPlatform.Identity.Data;
using PartyPlatform.Identity.Tokens;
using PartyPlatform.PublicAddress;
using PartyPlatform.Security;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddPlatformAuthentication();
// Here and not in ServiceDefaults: the validation source generator only sees request types of the assembly that calls it.
builder.Services.AddValidation();
builder.AddIdentityData();
builder.AddTokenServer();

var app = builder.Build();

app.UseTrustedProxies(); // first: the address the caller used, as the gateway forwards it
app.UsePlatformProblemDetails();
// OpenIddict handles /connect/* and /.well-known/* inside the authentication middleware.
app.UseAuthentication();
app.UseAuthorization();
app.UseRequestGuard();
app.MapDefaultEndpoints();
app.MapConnectEndpoints();
app.MapIdentityAdminApi();
app.MapAuditApi<IdentityDb>("/api/identity").RequireAuthorization(PlatformPolicies.CityAdministrator);

await app.PrepareIdentityDbAsync();
await app.RunAsync();
