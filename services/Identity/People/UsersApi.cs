using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Identity.Accounts;
using PartyPlatform.Identity.Data;
using PartyPlatform.OpenApi;

namespace PartyPlatform.Identity.People;

/// <summary>People who sign in to the web page: create, list, disable and enable, reset the password.</summary>
public static class UsersApi
{
    public static RouteGroupBuilder MapUsersApi(this RouteGroupBuilder api)
    {
        var users = api.MapGroup("/users")
            .WithTag("Users", "People who sign in to the web page (authorization code + PKCE), each bound to roles and a unit.");

        users.MapGet("/", ListUsers).WithName("ListUsers").WithSummary("People, by unit code prefix, user name prefix and disabled flag, paged");
        users.MapGet("/{userName}", GetUser).WithName("GetUser").WithSummary("One person");
        users.MapPost("/", CreateUser).WithName("CreateUser").WithSummary("Create a person; the answer holds a generated password, shown this once")
            .ProducesProblem(StatusCodes.Status409Conflict);
        users.MapPost("/{userName}/password", ResetPassword).WithName("ResetUserPassword").WithSummary("Replace the password with a generated one, shown this once");
        users.MapPost("/{userName}/disable", DisableUser).WithName("DisableUser").WithSummary("No sign-in and no refresh; access tokens issued expire within their lifetime");
        users.MapPost("/{userName}/enable", EnableUser).WithName("EnableUser").WithSummary("Sign-in again for a disabled person");

        return users;
    }

    private static async Task<Ok<Page<UserResponse>>> ListUsers([AsParameters] UserQuery query, IdentityDb db, CancellationToken ct)
    {
        var people = db.People.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.UnitCode))
        {
            people = people.Where(p => p.UnitCode.StartsWith(query.UnitCode));
        }

        if (!string.IsNullOrWhiteSpace(query.UserName))
        {
            people = people.Where(p => p.UserName.StartsWith(query.UserName));
        }

        if (query.Disabled is { } disabled)
        {
            people = people.Where(p => p.Disabled == disabled);
        }

        var page = new PageRequest(query.Page, query.PageSize);
        var total = await people.CountAsync(ct);
        var items = await people.OrderBy(p => p.UnitCode).ThenBy(p => p.UserName).Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        return TypedResults.Ok(new Page<UserResponse>(items.ConvertAll(UserResponse.From), page.Number, page.Size, total));
    }

    private static async Task<Results<Ok<UserResponse>, NotFound>> GetUser(string userName, IdentityDb db, CancellationToken ct) =>
        await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.UserName == userName, ct) is { } person
            ? TypedResults.Ok(UserResponse.From(person))
            : TypedResults.NotFound();

    private static async Task<Created<UserPasswordResponse>> CreateUser(
        CreateUserRequest request, IdentityDb db, IPasswordHasher<Person> hasher, TimeProvider time, CancellationToken ct)
    {
        var password = Secrets.NewPassword();
        var person = await CreateAsync(db, hasher, request, password, time.GetUtcNow(), ct);
        return TypedResults.Created($"/api/identity/users/{person.UserName}", new UserPasswordResponse(UserResponse.From(person), password));
    }

    /// <summary>Also used by the demo seed.</summary>
    internal static async Task<Person> CreateAsync(
        IdentityDb db, IPasswordHasher<Person> hasher, CreateUserRequest request, string password, DateTimeOffset now, CancellationToken ct)
    {
        var person = Person.Create(request.UserName, request.DisplayName, request.UnitCode, request.Roles, now);
        if (await db.People.AnyAsync(p => p.UserName == request.UserName, ct))
        {
            throw new ConflictException($"A user named '{request.UserName}' already exists.");
        }

        person.SetPasswordHash(hasher.HashPassword(person, password), now);
        db.People.Add(person);
        await db.SaveChangesAsync(ct);
        return person;
    }

    private static async Task<Results<Ok<UserPasswordResponse>, NotFound>> ResetPassword(
        string userName, IdentityDb db, IPasswordHasher<Person> hasher, TimeProvider time, CancellationToken ct)
    {
        var person = await db.People.FirstOrDefaultAsync(p => p.UserName == userName, ct);
        if (person is null)
        {
            return TypedResults.NotFound();
        }

        var password = Secrets.NewPassword();
        person.SetPasswordHash(hasher.HashPassword(person, password), time.GetUtcNow());
        // An administrator handing out a new password is also how a locked-out person gets back in.
        person.ClearFailedSignIns();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new UserPasswordResponse(UserResponse.From(person), password));
    }

    private static async Task<Results<Ok<UserResponse>, NotFound>> DisableUser(string userName, IdentityDb db, TimeProvider time, CancellationToken ct)
    {
        var person = await db.People.FirstOrDefaultAsync(p => p.UserName == userName, ct);
        if (person is null)
        {
            return TypedResults.NotFound();
        }

        person.Disable(time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(UserResponse.From(person));
    }

    private static async Task<Results<Ok<UserResponse>, NotFound>> EnableUser(string userName, IdentityDb db, CancellationToken ct)
    {
        var person = await db.People.FirstOrDefaultAsync(p => p.UserName == userName, ct);
        if (person is null)
        {
            return TypedResults.NotFound();
        }

        person.Enable();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(UserResponse.From(person));
    }
}
