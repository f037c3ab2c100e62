using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Auditing;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.Personnel.Tests.Api;

/// <summary>The training courses each person attended: recorded with their dates checked against the city's today, listed oldest first.</summary>
public sealed class TrainingApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Recorded_courses_are_listed_oldest_first_and_each_is_audited()
    {
        await using var app = await PersonnelApp.StartAsync();
        var client = app.CreateClient();
        var person = await Created.IdAsync(await client.PostAsJsonAsync("/api/personnel/people", People.Body(app.Tree.Village(TestTree.TownshipCode, 1)), Ct));

        var later = await client.PostAsJsonAsync($"/api/personnel/people/{person}/training", Course("2026-06-01", "2026-06-20", completed: false), Ct);
        var earlier = await client.PostAsJsonAsync($"/api/personnel/people/{person}/training", Course("2026-03-02", "2026-03-06", completed: true), Ct);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (later.StatusCode, earlier.StatusCode));
        var courses = await client.GetFromJsonAsync<JsonElement>($"/api/personnel/people/{person}/training", Ct);
        Assert.Equal(
            [("2026-03-02", "2026-03-06", true), ("2026-06-01", "2026-06-20", false)],
            courses.EnumerateArray().Select(c => (c.GetProperty("start").GetString(), c.GetProperty("end").GetString(), c.GetProperty("completed").GetBoolean())));
        Assert.All(courses.EnumerateArray(), c => Assert.Equal(("村级后备干部示范培训班", "市委组织部", 40), (c.GetProperty("course").GetString(), c.GetProperty("organiser").GetString(), c.GetProperty("hours").GetInt32())));
        await using var db = app.OpenDb();
        var stored = await db.TrainingCourses.OrderBy(c => c.Start).ToListAsync(Ct);
        Assert.Equal([(person, new DateOnly(2026, 3, 2)), (person, new DateOnly(2026, 6, 1))], stored.Select(c => (c.PersonId, c.Start)));
        var audit = await db.Set<AuditEntry>().Where(a => a.EntityType == "TrainingCourse").ToListAsync(Ct);
        Assert.Equal(stored.Select(c => c.Id.ToString()).Order(), audit.Select(a => a.EntityId).Order());
        Assert.All(audit, a => Assert.Equal("Added", a.Action));
    }

    [Fact]
    public async Task A_course_ending_before_it_begins_or_completed_before_its_last_day_is_refused_and_nothing_is_written()
    {
        await using var app = await PersonnelApp.StartAsync();
        var client = app.CreateClient();
        var person = await Created.IdAsync(await client.PostAsJsonAsync("/api/personnel/people", People.Body(app.Tree.Village(TestTree.TownshipCode, 1)), Ct));

        var backwards = await client.PostAsJsonAsync($"/api/personnel/people/{person}/training", Course("2026-05-10", "2026-05-09", completed: true), Ct);
        var notOver = await client.PostAsJsonAsync($"/api/personnel/people/{person}/training", Course("2026-05-28", "2026-06-02", completed: true), Ct);
        var noPerson = await client.PostAsJsonAsync($"/api/personnel/people/{Guid.NewGuid()}/training", Course("2026-05-01", "2026-05-02", completed: true), Ct);

        await Problems.AssertRefusedAsync(backwards, "end");
        await Problems.AssertRefusedAsync(notOver, "end");
        Assert.Equal(HttpStatusCode.NotFound, noPerson.StatusCode);
        await using var db = app.OpenDb();
        Assert.Equal(0, await db.TrainingCourses.CountAsync(Ct));
    }

    [Fact]
    public async Task A_course_is_completed_on_the_citys_day_not_the_machines()
    {
        await using var app = await PersonnelApp.StartAsync();
        var client = app.CreateClient();
        var person = await Created.IdAsync(await client.PostAsJsonAsync("/api/personnel/people", People.Body(app.Tree.Village(TestTree.TownshipCode, 1)), Ct));
        // 07:30 on 2 June in the city is still 1 June in UTC.
        app.Time.SetUtcNow(new DateTimeOffset(2026, 6, 1, 23, 30, 0, TimeSpan.Zero));

        var endingToday = await client.PostAsJsonAsync($"/api/personnel/people/{person}/training", Course("2026-05-30", "2026-06-02", completed: true), Ct);
        var endingTomorrow = await client.PostAsJsonAsync($"/api/personnel/people/{person}/training", Course("2026-05-30", "2026-06-03", completed: true), Ct);

        Assert.Equal(HttpStatusCode.Created, endingToday.StatusCode);
        await Problems.AssertRefusedAsync(endingTomorrow, "end");
    }

    private static object Course(string start, string end, bool completed) =>
        new { course = "村级后备干部示范培训班", organiser = "市委组织部", start, end, hours = 40, completed };
}
