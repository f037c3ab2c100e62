using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.Organizations.Tests.Api;

/// <summary>What the edge refuses before the database sees it, and the encodings it understands (README "Bad input").</summary>
public sealed class BadInputTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> RefusedUnits => new()
    {
        { """{"name":"渭南市","kind":123}""", "kind" },
        { """{"name":"渭南市","kind":-1}""", "kind" },
        { """{"name":"渭南市","kind":"123"}""", "kind" },
        { """{"name":"渭南市","kind":"City, County"}""", "kind" },
        { """{"name":"渭南\u0000市","kind":"City"}""", "name" },
        { """{"name":"渭南\u0007市","kind":"City"}""", "name" },
        { """{"name":"\u200B\uFEFF","kind":"City"}""", "name" },
        { """{"name":" \u2060 ","kind":"City"}""", "name" },
        { """{"name":"渭南\uD800市","kind":"City"}""", "name" },
        { """{"name":"渭南市","kind":"City","code":"6105000000\u00000"}""", "code" },
    };

    [Theory]
    [MemberData(nameof(RefusedUnits))]
    public async Task A_unit_with_a_bad_value_is_refused_naming_the_field_and_nothing_is_written(string body, string field)
    {
        await using var app = await OrganizationsApp.StartAsync();

        var response = await app.CreateClient().PostAsync("/api/organizations/units", Json(body), Ct);

        await Problems.AssertRefusedAsync(response, field);
        await using var db = app.OpenDb();
        Assert.Equal(0, await db.Units.CountAsync(Ct));
    }

    [Fact]
    public async Task A_party_organisation_named_with_a_nul_is_refused()
    {
        await using var app = await OrganizationsApp.StartAsync();
        await app.ImportCsvAsync("code,name,kind,parentCode\n610500000000,渭南市,City,\n610502000000,临渭区,District,610500000000\n");
        var county = await ReadIdAsync(app, "610502000000");

        var response = await app.CreateClient().PostAsync("/api/organizations/party-organizations",
            Json($$"""{"name":"党\u0000委","kind":"Institution","unitId":"{{county}}"}"""), Ct);

        await Problems.AssertRefusedAsync(response, "name");
        await using var db = app.OpenDb();
        Assert.Equal(0, await db.PartyOrganizations.CountAsync(Ct));
    }

    [Theory]
    [InlineData("""[{"code":"610500000000","name":"渭南\u0000市","kind":"City","parentCode":null}]""", "application/json", "[0].name")]
    [InlineData("""[null]""", "application/json", "[0]")]
    [InlineData("code,name,kind,parentCode\n610500000000,渭南\u0000市,City,\n", "text/csv", "line 2")]
    public async Task An_import_holding_a_bad_value_is_refused_whole(string body, string mediaType, string field)
    {
        await using var app = await OrganizationsApp.StartAsync();

        var response = await app.CreateClient().PostAsync("/api/organizations/imports/units", new StringContent(body, Encoding.UTF8, mediaType), Ct);

        await Problems.AssertRefusedAsync(response, field);
        await using var db = app.OpenDb();
        Assert.Equal(0, await db.Units.CountAsync(Ct));
    }

    [Theory]
    [InlineData("610500000000,\u200B,City,", "rows[1].name")]
    [InlineData("610500000000,渭南市,\"City, County\",", "rows[1].kind")]
    [InlineData("610500000000,渭南市,123,", "rows[1].kind")]
    [InlineData("610502001201,东一村,Village,,\uFEFF", "rows[1].partyOrganization")]
    public async Task A_csv_row_with_a_blank_in_disguise_or_a_kind_that_is_not_a_name_is_refused(string row, string field)
    {
        await using var app = await OrganizationsApp.StartAsync();

        var response = await app.CreateClient().PostAsync("/api/organizations/imports/units",
            new StringContent($"code,name,kind,parentCode,partyOrganization\n{row}\n", Encoding.UTF8, "text/csv"), Ct);

        await Problems.AssertRefusedAsync(response, field);
        await using var db = app.OpenDb();
        Assert.Equal(0, await db.Units.CountAsync(Ct));
    }

    [Theory]
    [InlineData("gbk")]
    [InlineData("GB2312")]
    [InlineData("gb18030")]
    public async Task A_json_body_declared_gbk_is_read_as_gbk(string charset)
    {
        await using var app = await OrganizationsApp.StartAsync();
        var content = new ByteArrayContent(Gbk.GetBytes("""{"name":"渭南市","kind":"City","code":"610500000000"}"""));
        content.Headers.ContentType = new("application/json") { CharSet = charset };

        var response = await app.CreateClient().PostAsync("/api/organizations/units", content, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await using var db = app.OpenDb();
        Assert.Equal("渭南市", (await db.Units.SingleAsync(Ct)).Name);
    }

    [Fact]
    public async Task An_excel_csv_in_gbk_without_a_charset_imports_with_its_chinese_names()
    {
        await using var app = await OrganizationsApp.StartAsync();
        var content = new ByteArrayContent(Gbk.GetBytes("code,name,kind,parentCode\r\n610500000000,渭南市,City,\r\n610502000000,临渭区,District,610500000000\r\n"));
        content.Headers.ContentType = new("text/csv");

        var response = await app.CreateClient().PostAsync("/api/organizations/imports/units", content, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = app.OpenDb();
        Assert.Equal(["渭南市", "临渭区"], await db.Units.OrderBy(u => u.Code).Select(u => u.Name).ToListAsync(Ct));
    }

    [Theory]
    [InlineData("application/json; charset=iso-8859-1", 415)]
    [InlineData("application/json; charset=utf-16", 415)]
    [InlineData("text/csv; charset=big5", 415)]
    public async Task Any_other_charset_is_refused(string contentType, int status)
    {
        await using var app = await OrganizationsApp.StartAsync();
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"name":"Weinan","kind":"City"}"""));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        var response = await app.CreateClient().PostAsync("/api/organizations/units", content, Ct);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Contains("charset", (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").GetProperty("body")[0].GetString());
        await using var db = app.OpenDb();
        Assert.Equal(0, await db.Units.CountAsync(Ct));
    }

    [Fact]
    public async Task Bytes_that_are_neither_utf8_nor_gb18030_are_refused_with_415()
    {
        await using var app = await OrganizationsApp.StartAsync();
        var content = new ByteArrayContent([.. "code,name,kind,parentCode\n"u8.ToArray(), 0x80, 0xFF, 0x80, (byte)'\n']);
        content.Headers.ContentType = new("text/csv");

        var response = await app.CreateClient().PostAsync("/api/organizations/imports/units", content, Ct);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task A_semicolon_separated_csv_is_understood_column_by_column()
    {
        await using var app = await OrganizationsApp.StartAsync();

        var result = await app.ImportCsvAsync("code;name;kind;parentCode\n610500000000;渭南市;City;\n610502000000;临渭区;District;610500000000\n");

        Assert.Equal(2, result.GetProperty("created").GetInt32());
        await using var db = app.OpenDb();
        var units = await db.Units.OrderBy(u => u.Code).Select(u => new { u.Code, u.Name }).ToListAsync(Ct);
        Assert.Equal([("610500000000", "渭南市"), ("610502000000", "临渭区")], units.Select(u => (u.Code, u.Name)));
    }

    [Fact]
    public async Task A_csv_whose_rows_use_another_delimiter_than_its_header_is_refused_with_a_row_error()
    {
        await using var app = await OrganizationsApp.StartAsync();

        var response = await app.CreateClient().PostAsync("/api/organizations/imports/units",
            new StringContent("code,name,kind,parentCode\n610500000000;x;City;\n", Encoding.UTF8, "text/csv"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains((await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").EnumerateObject(),
            error => error.Name.StartsWith("rows[1]", StringComparison.Ordinal));
        await using var db = app.OpenDb();
        Assert.Equal(0, await db.Units.CountAsync(Ct));
    }

    [Theory]
    [InlineData("level=123", "level")]
    [InlineData("kind=Village,City", "kind")]
    [InlineData("level=-1", "level")]
    public async Task An_enum_in_the_query_is_a_name_or_refused(string query, string field)
    {
        await using var app = await OrganizationsApp.StartAsync();

        var response = await app.CreateClient().GetAsync($"/api/organizations/units?{query}", Ct);

        await Problems.AssertRefusedAsync(response, field);
    }

    private static readonly Encoding Gbk = CodePages("GB18030");

    private static Encoding CodePages(string name)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(name);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<Guid> ReadIdAsync(OrganizationsApp app, string code)
    {
        await using var db = app.OpenDb();
        return await db.Units.Where(u => u.Code == code).Select(u => u.Id).SingleAsync(Ct);
    }
}
