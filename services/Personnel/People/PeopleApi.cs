using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Auditing;
using PartyPlatform.OpenApi;
using PartyPlatform.Personnel.Data;
using PartyPlatform.Personnel.Profiles;
using PartyPlatform.Security;

namespace PartyPlatform.Personnel.People;

public static class PeopleApi
{
    public static RouteGroupBuilder MapPeopleApi(this IEndpointRouteBuilder routes)
    {
        var people = routes.MapGroup("/api/personnel/people")
            .WithTag("People", "The people the organisation departments follow, by unit; ID numbers and phones masked except to a personnel officer of the unit.");

        people.MapGet("/", List).WithName("ListPeople").WithSummary("People of the caller's unit (or of one unit within it), paged, masked");
        people.MapGet("/{id:guid}", Get).WithName("GetPerson").WithSummary("One person, masked");
        people.MapPost("/", Register).RequireAuthorization(PlatformPolicies.Write)
            .WithName("RegisterPerson").WithSummary("Register a person on a unit")
            .WithDescription("The ID number is checked against its GB 11643 check character and the birth date against it. One record per ID number (409).")
            .ProducesProblem(StatusCodes.Status409Conflict);
        people.MapPut("/{id:guid}", Change).RequireAuthorization(PlatformPolicies.Write)
            .WithName("ChangePerson").WithSummary("Change a person's details (not their unit); the ID number and phone only when given")
            .WithDescription("Checked as at registration. Another person's ID number is a 409. A wealth leader's change (or a change of source away from 致富带头人) publishes WealthLeaderChanged.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        people.MapGet("/{id:guid}/personal-information", PersonalInformation).RequireAuthorization(PlatformPolicies.PersonalInformation)
            .WithName("GetPersonalInformation").WithSummary("A person's ID number and phone unmasked: personnel officers of the person's unit only, and written to the audit trail");

        return people;
    }

    private static async Task<Results<Ok<Page<PersonResponse>>, NotFound>> List(
        Guid? unitId, int? page, int? pageSize, ReplicaScope scope, PersonnelDb db, CancellationToken ct)
    {
        if (await scope.UnitsUnderAsync(unitId, ct) is not { } units)
        {
            return TypedResults.NotFound();
        }

        var people = db.People.AsNoTracking().Where(p => units.Any(u => u.Id == p.UnitId));
        var request = new PageRequest(page, pageSize);
        var items = await people.OrderBy(p => p.Name).ThenBy(p => p.Id).Skip(request.Skip).Take(request.Size).ToListAsync(ct);
        return TypedResults.Ok(new Page<PersonResponse>(items.ConvertAll(PersonResponse.From), request.Number, request.Size, await people.CountAsync(ct)));
    }

    private static async Task<Results<Ok<PersonResponse>, NotFound>> Get(Guid id, ReplicaScope scope, PersonnelDb db, CancellationToken ct) =>
        await scope.FoundAsync(await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct), p => p.UnitId, ct) is { } person
            ? TypedResults.Ok(PersonResponse.From(person))
            : TypedResults.NotFound();

    private static async Task<Created<PersonResponse>> Register(
        RegisterPersonRequest request, ReplicaScope scope, PersonnelDb db, CityCalendar calendar, TimeProvider time, CancellationToken ct)
    {
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == request.UnitId && !u.Retired, ct)
                   ?? throw new RuleViolationException("unitId", $"{request.UnitId} is not a unit of the tree in service.");
        await scope.EnsureBodyUnitAsync(unit.Id, $"Unit '{unit.Name}'", ct);
        var details = request.ToDetails();
        await EnsureIdNumberFreeAsync(db, details, Guid.Empty, ct);
        var person = Person.Register(unit.Id, details, calendar.Today);
        db.People.Add(person);
        db.PublishIfWealthLeader(person, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/personnel/people/{person.Id}", PersonResponse.From(person));
    }

    private static async Task<Results<Ok<PersonResponse>, NotFound>> Change(
        Guid id, ChangePersonRequest request, ReplicaScope scope, PersonnelDb db, CityCalendar calendar, TimeProvider time, CancellationToken ct)
    {
        var person = await scope.FoundAsync(await db.People.FirstOrDefaultAsync(p => p.Id == id, ct), p => p.UnitId, ct);
        if (person is null)
        {
            return TypedResults.NotFound();
        }

        var details = request.ToDetails(person);
        await EnsureIdNumberFreeAsync(db, details, person.Id, ct);
        if (person.Change(details, calendar.Today))
        {
            var now = time.GetUtcNow();
            db.PublishIfWealthLeader(person, now);
            // The profiles and the leaders of the villages the person leads count their age, education and source.
            var led = await db.CountedUnitsOfAsync([person.Id], ct);
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                await db.SaveChangesAsync(ct);
                await db.PublishLeadershipAsync(led, now, ct);
                await transaction.CommitAsync(ct);
            });
        }

        return TypedResults.Ok(PersonResponse.From(person));
    }

    private static async Task EnsureIdNumberFreeAsync(PersonnelDb db, PersonDetails details, Guid self, CancellationToken ct)
    {
        if (await db.People.AnyAsync(p => p.IdNumber == details.IdNumber.Value && p.Id != self, ct))
        {
            // Not which unit holds the record: that would tell a caller about a person outside its unit.
            throw new ConflictException("A person with this ID number is registered already.");
        }
    }

    private static async Task<Results<Ok<PersonalInformationResponse>, NotFound>> PersonalInformation(
        Guid id, ReplicaScope scope, PersonnelDb db, CancellationToken ct)
    {
        var person = await scope.FoundAsync(await db.People.FirstOrDefaultAsync(p => p.Id == id, ct), p => p.UnitId, ct);
        if (person is null)
        {
            return TypedResults.NotFound();
        }

        db.AuditRead(person, nameof(Person.IdNumber), nameof(Person.Phone));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new PersonalInformationResponse(person.Id, person.Name, person.IdNumber, person.Phone));
    }
}
