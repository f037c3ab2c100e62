using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PartyPlatform.Organizations.Tests.Api;

namespace PartyPlatform.Organizations.Tests;

/// <summary>The shared paging rules of every list (ServiceDefaults' <see cref="PageRequest"/>).</summary>
public sealed class PagingTests
{
    [Theory]
    [InlineData(null, null, 1, PageRequest.DefaultSize, 0)]
    [InlineData(0, 0, 1, 1, 0)]
    [InlineData(3, 100_000, 3, PageRequest.MaxSize, 2 * PageRequest.MaxSize)]
    [InlineData(-5, -5, 1, 1, 0)]
    public void Page_and_size_are_clamped_to_sane_values(int? page, int? pageSize, int number, int size, int skip)
    {
        var request = new PageRequest(page, pageSize);

        Assert.Equal((number, size, skip), (request.Number, request.Size, request.Skip));
    }

    [Theory]
    [InlineData(int.MaxValue, 50)]
    [InlineData(4_294_969, 500)] // (page - 1) * size just past int.MaxValue
    public void A_page_whose_offset_overflows_is_refused_naming_page(int page, int pageSize)
    {
        var refused = Assert.Throws<RuleViolationException>(() => new PageRequest(page, pageSize));

        Assert.Equal("page", refused.Field);
    }

    [Fact]
    public void The_last_page_whose_offset_fits_is_accepted()
    {
        var request = new PageRequest(int.MaxValue / PageRequest.MaxSize + 1, PageRequest.MaxSize);

        Assert.True(request.Skip >= 0);
    }

    [Fact]
    public async Task A_list_asked_for_a_huge_page_answers_400_naming_page()
    {
        await using var app = await OrganizationsApp.StartAsync();

        var response = await app.CreateClient().GetAsync($"/api/organizations/units?page={int.MaxValue}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.True(problem.GetProperty("errors").TryGetProperty("page", out _), problem.ToString());
    }
}
