using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using PartyPlatform.Messaging.Outbox;
using PartyPlatform.Surveys.Data;
using PartyPlatform.Surveys.Ingests;

namespace PartyPlatform.Platform.Benchmark;

/// <summary>
/// Issue 11's city-scale ingest: a campaign over the demo city's Party organisations with ~1.6 million households,
/// and as many synthetic visits uploaded through the gateway county by county (NDJSON, each county's file in parts
/// within the route's 64 MiB), against two baselines over the same rows on the same PostgreSQL: Surveys' own ingest
/// (<see cref="VisitIngester"/>: parse, check, binary COPY into visits or into staging and a merge, recount) run in this process without
/// HTTP, and a raw binary COPY into <c>visits</c>. Each runs on a campaign of its own, so no row is a duplicate; the
/// three take turns county by county, so each writes into a table of the same size.
/// </summary>
public static class SurveyIngest
{
    private const string CityCode = "610500000000";

    // The city's operator: the demo has a county system account for 临渭区 only, and the city may send any county's file.
    // Its scope (every unit) costs the same per line as a county's: one lookup in the ingest's dictionary.
    private const string CityClient = "city-operator-system";
    private const string CitySecret = "dev-secret-city-operator";
    private const long RouteBodyLimit = 64 * 1024 * 1024;

    private static readonly string[] Paths = ["gateway", "in-process", "raw COPY"];

    public static async Task RunAsync(PlatformUnderTest platform, Options options)
    {
        var batch = options.Int("batch", 50_000);
        var partLines = options.Int("part-lines", 200_000);
        var database = platform.SurveysDatabase
                       ?? throw new InvalidOperationException("Give Surveys' database for the baselines: --surveys-db \"Host=...;Database=surveysdb;...\".");
        using var gateway = LoadDriver.Client(platform.Gateway, TimeSpan.FromMinutes(11));
        var token = new TokenSource(gateway, CityClient, CitySecret);
        Console.WriteLine($"City-scale ingest as {CityClient}; {platform.Description}; {Environment.ProcessorCount} cores");
        var (city, campaigns, counties, organizations, startsOn, days, seed, visits) = await CityVisits.PrepareAsync(gateway, token, options, Paths, withHouseholds: 2);

        await using var surveys = WorkingSetSampler.Start(platform.ProcessRoot, "surveys");
        var atStart = surveys?.Restart();
        Console.WriteLine($"  Surveys' working set before the first ingest: {Mib(atStart)}");
        var dbOptions = new DbContextOptionsBuilder<SurveysDb>().UseNpgsql(database).UseSnakeCaseNamingConvention()
            .AddInterceptors(PublishedVersionCheck.Instance).Options;
        var breakdown = await IngestBreakdown.OfAsync(dbOptions, campaigns[1]);
        var elapsed = new TimeSpan[Paths.Length];
        long largestPart = 0;
        Console.WriteLine("\n| county | visits | parts | gateway rows/s | in-process rows/s | raw COPY rows/s | Surveys working set at start → peak |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (var c = 0; c < counties.Count; c++)
        {
            var county = counties[c];
            var parts = Parts(organizations.Where(o => o.CountyId == county.Id && o.Visits > 0), partLines);
            var countyVisits = parts.Sum(p => p.Sum(o => (long)o.Visits));
            if (countyVisits == 0)
            {
                continue;
            }

            var times = new TimeSpan[Paths.Length];
            var countyStart = surveys?.Restart();
            long countyPeak = 0;
            // The paths take turns going first, so none always meets a table just vacuumed or a cache just warmed.
            foreach (var path in Enumerable.Range(0, Paths.Length).Select(p => (p + c) % Paths.Length))
            {
                var clock = Stopwatch.StartNew();
                foreach (var part in parts)
                {
                    var rows = SyntheticVisits.Of(part, startsOn, days, seed);
                    var expected = part.Sum(o => (long)o.Visits);
                    switch (path)
                    {
                        case 0:
                            largestPart = Math.Max(largestPart, await UploadAsync(gateway, token, campaigns[0], rows, expected));
                            break;
                        case 1:
                            await IngestInProcessAsync(dbOptions, campaigns[1], rows, batch, expected);
                            break;
                        default:
                            await CopyAsync(database, campaigns[2], rows, expected);
                            break;
                    }
                }

                times[path] = clock.Elapsed;
                if (path == 0 && surveys is not null)
                {
                    countyPeak = surveys.Peak;
                }
            }

            for (var p = 0; p < Paths.Length; p++)
            {
                elapsed[p] += times[p];
            }

            foreach (var part in parts)
            {
                await breakdown.ParseAsync(() => SyntheticVisits.Of(part, startsOn, days, seed), part.Sum(o => (long)o.Visits));
                await breakdown.RecountAsync(campaigns[1], part.ConvertAll(o => o.Id));
            }

            Console.WriteLine($"| {county.Name} {county.Code[..6]} | {countyVisits:N0} | {parts.Count} | {Rate(countyVisits, times[0])} | {Rate(countyVisits, times[1])} | " +
                              $"{Rate(countyVisits, times[2])} | {Mib(countyStart)} → {Mib(countyPeak)} |");
        }

        await CheckFiguresAsync(gateway, token, campaigns, city, organizations, database);
        var rates = elapsed.Select(e => visits / e.TotalSeconds).ToArray();
        Console.WriteLine($"\nAll {visits:N0} visits ({Math.Round(largestPart / 1024.0 / 1024.0, 1)} MiB the largest upload, limit {RouteBodyLimit / 1024 / 1024} MiB):");
        for (var p = 0; p < Paths.Length; p++)
        {
            Console.WriteLine($"  {Paths[p],-10} {rates[p],9:N0} rows/s  ({elapsed[p].TotalSeconds:F1} s)");
        }

        Console.WriteLine($"  gateway / in-process: {rates[0] / rates[1]:F2} (target ≥ 0.7: {(rates[0] / rates[1] >= 0.7 ? "met" : "not met")})");
        Console.WriteLine($"  gateway / raw COPY:   {rates[0] / rates[2]:F2} (target ≥ 0.35: {(rates[0] / rates[2] >= 0.35 ? "met" : "not met")})");
        var sql = elapsed[1] - breakdown.Generating - breakdown.Parsing - breakdown.Recounting;
        Console.WriteLine($"""

            Where the gateway's {elapsed[0].TotalSeconds:F1} s went (parsing and the recount measured apart in process on the same rows):
              generating the lines (this process, the client)          {breakdown.Generating.TotalSeconds,7:F1} s  {Share(breakdown.Generating, elapsed[0])}
              reading, parsing and checking the lines (no database)   {breakdown.Parsing.TotalSeconds,7:F1} s  {Share(breakdown.Parsing, elapsed[0])}
              the locks, COPY, the merge, the counts (the rest)        {sql.TotalSeconds,7:F1} s  {Share(sql, elapsed[0])}
              recounting the figures at the end (rolled back)         {breakdown.Recounting.TotalSeconds,7:F1} s  {Share(breakdown.Recounting, elapsed[0])}
              HTTP, the gateway and the request's handling            {(elapsed[0] - elapsed[1]).TotalSeconds,7:F1} s  {Share(elapsed[0] - elapsed[1], elapsed[0])}
            """);
        if (surveys is not null)
        {
            Console.WriteLine($"  Surveys' working set: {Mib(atStart)} before the first ingest, {Mib(surveys.Current)} at the end, " +
                              $"{Mib(surveys.PeakSinceStart)} its peak since it started (VmHWM)");
        }
    }

    /// <summary>
    /// The city's visits through the gateway only, into one campaign of their own: the scale other benchmarks measure at.
    /// </summary>
    /// <returns>The campaign, and how many visits it holds.</returns>
    public static async Task<(Guid Campaign, long Visits)> LoadThroughGatewayAsync(HttpClient gateway, Options options, string purpose)
    {
        var partLines = options.Int("part-lines", 200_000);
        var token = new TokenSource(gateway, CityClient, CitySecret);
        var city = await CityVisits.PrepareAsync(gateway, token, options, [purpose], withHouseholds: 1);
        var clock = Stopwatch.StartNew();
        foreach (var county in city.Counties)
        {
            foreach (var part in Parts(city.Organizations.Where(o => o.CountyId == county.Id && o.Visits > 0), partLines))
            {
                await UploadAsync(gateway, token, city.Campaigns[0], SyntheticVisits.Of(part, city.StartsOn, city.Days, city.Seed), part.Sum(o => (long)o.Visits));
            }
        }

        Console.WriteLine($"  {city.Visits:N0} visits ingested through the gateway in {clock.Elapsed.TotalSeconds:F0} s");
        return (city.Campaigns[0], city.Visits);
    }

    /// <summary>
    /// The campaigns planned over every Party organisation of the city, their organisations found, the synthetic visits
    /// spread over them (<c>--visits</c>, <c>--households</c>, <c>--seed</c>), and the households imported into the first
    /// <paramref name="withHouseholds"/> campaigns (a raw copy needs none).
    /// </summary>
    private sealed record CityVisits(
        Guid City, Guid[] Campaigns, List<(Guid Id, string Code, string Name)> Counties, IReadOnlyList<SurveyOrganization> Organizations,
        DateOnly StartsOn, int Days, int Seed, int Visits)
    {
        public static async Task<CityVisits> PrepareAsync(HttpClient gateway, TokenSource token, Options options, IReadOnlyList<string> purposes, int withHouseholds)
        {
            var visits = options.Int("visits", 1_600_000);
            var households = options.Int("households", 1_600_000);
            var seed = options.Int("seed", 20_261_201);
            await Targets.CountyIdAsync(gateway, token);
            await Targets.SettledAsync(gateway, token);
            var city = (await GetAsync(gateway, token, $"/api/organizations/unit-codes/{CityCode}")).GetProperty("id").GetGuid();
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var (startsOn, days) = (today.AddDays(-60), 91);
            var stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
            var campaigns = new Guid[purposes.Count];
            for (var i = 0; i < purposes.Count; i++)
            {
                campaigns[i] = await PlanAsync(gateway, token, city, $"入户走访基准 {stamp} ({purposes[i]})", startsOn, startsOn.AddDays(days - 1));
            }

            var counties = (await GetAsync(gateway, token, "/api/organizations/units?level=County&pageSize=100")).GetProperty("items").EnumerateArray()
                .Select(c => (Id: c.GetProperty("id").GetGuid(), Code: c.GetProperty("code").GetString()!, Name: c.GetProperty("name").GetString()!))
                .OrderBy(c => c.Code, StringComparer.Ordinal).ToList();
            var found = new List<(Guid Id, string Code, Guid CountyId)>();
            foreach (var county in counties)
            {
                found.AddRange((await OrganizationsAsync(gateway, token, campaigns[0], county.Id)).Select(o => (o.Id, o.Code, county.Id)));
            }

            var organizations = SyntheticVisits.Spread(found, households, visits, seed);
            Console.WriteLine($"  {organizations.Count} organisations in {counties.Count} counties, {organizations.Sum(o => (long)o.Households):N0} households, " +
                              $"{visits:N0} visits (seed {seed}), days {startsOn:yyyy-MM-dd} to {startsOn.AddDays(days - 1):yyyy-MM-dd}");
            foreach (var campaign in campaigns.Take(withHouseholds))
            {
                foreach (var county in counties)
                {
                    await ImportHouseholdsAsync(gateway, token, campaign, organizations.Where(o => o.CountyId == county.Id));
                }
            }

            return new CityVisits(city, campaigns, counties, organizations, startsOn, days, seed, visits);
        }
    }

    /// <summary>A county's organisations in parts of at most <paramref name="partLines"/> visits, an organisation never split: each part is one upload.</summary>
    private static List<List<SurveyOrganization>> Parts(IEnumerable<SurveyOrganization> organizations, int partLines)
    {
        var parts = new List<List<SurveyOrganization>>();
        var (part, lines) = (new List<SurveyOrganization>(), 0L);
        foreach (var organization in organizations)
        {
            if (lines + organization.Visits > partLines && part.Count > 0)
            {
                parts.Add(part);
                (part, lines) = ([], 0);
            }

            part.Add(organization);
            lines += organization.Visits;
        }

        if (part.Count > 0)
        {
            parts.Add(part);
        }

        return parts;
    }

    /// <returns>The bytes sent.</returns>
    private static async Task<long> UploadAsync(HttpClient gateway, TokenSource token, Guid campaign, IEnumerable<SyntheticVisit> rows, long expected)
    {
        await using var body = new NdjsonVisits(rows);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/surveys/campaigns/{campaign}/ingests") { Content = new StreamContent(body, 64 * 1024) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(VisitLineFormat.NdjsonMediaType) { CharSet = "utf-8" };
        request.Headers.Authorization = await token.HeaderAsync(CancellationToken.None);
        using var response = await gateway.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The ingest answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        var ingest = await response.Content.ReadFromJsonAsync<JsonElement>();
        Check("gateway", ingest.GetProperty("status").GetString(), ingest.GetProperty("linesRead").GetInt64(), ingest.GetProperty("accepted").GetInt64(),
            ingest.GetProperty("duplicates").GetInt64(), ingest.GetProperty("rejected").GetInt64(), expected);
        return body.Bytes > RouteBodyLimit ? throw new InvalidOperationException($"An upload of {body.Bytes} bytes passed the route's limit.") : body.Bytes;
    }

    /// <summary>Surveys' own ingest without HTTP: the same reader, line rules, COPY, merge and recount, on the same bytes.</summary>
    private static async Task IngestInProcessAsync(DbContextOptions<SurveysDb> dbOptions, Guid campaignId, IEnumerable<SyntheticVisit> rows, int batch, long expected)
    {
        await using var db = new SurveysDb(dbOptions);
        var (campaign, organizations) = await IngestBreakdown.CampaignAsync(db, campaignId);
        await using var body = new NdjsonVisits(rows);
        using var reader = new StreamReader(body, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024);
        var started = Ingest.Start(campaignId, null, "platform-benchmark", IngestFormat.Ndjson, null, DateTimeOffset.UtcNow);
        var ended = await new VisitIngester(db, TimeProvider.System, batch)
                        .RunAsync(started, campaign, VisitLineFormat.Ndjson, organizations, reader, 0, CancellationToken.None)
                    ?? throw new InvalidOperationException("The in-process ingest wrote nothing.");
        var ingest = await db.Ingests.AsNoTracking().FirstAsync(i => i.Id == ended.Id);
        Check("in-process", ingest.Status.ToString(), ingest.LinesRead, ingest.Accepted, ingest.Duplicates, ingest.Rejected, expected);
    }

    /// <summary>The physical limit: the same rows copied straight into <c>visits</c>, no staging, no merge, no recount.</summary>
    private static async Task CopyAsync(string database, Guid campaignId, IEnumerable<SyntheticVisit> rows, long expected)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY visits (campaign_id, organization_id, household_key, household_name, phone, visited_on, visitor, said, recorded_at) FROM STDIN (FORMAT BINARY)");
        var now = DateTime.UtcNow;
        foreach (var visit in rows)
        {
            await copy.StartRowAsync();
            await copy.WriteAsync(campaignId, NpgsqlDbType.Uuid);
            await copy.WriteAsync(visit.OrganizationId, NpgsqlDbType.Uuid);
            await copy.WriteAsync(visit.HouseholdKey, NpgsqlDbType.Varchar);
            await copy.WriteAsync(visit.HouseholdName, NpgsqlDbType.Varchar);
            await copy.WriteAsync(visit.Phone, NpgsqlDbType.Varchar);
            await copy.WriteAsync(visit.VisitedOn, NpgsqlDbType.Date);
            await copy.WriteAsync(visit.Visitor, NpgsqlDbType.Varchar);
            // As the ingest keeps it: an empty field is no value.
            if (visit.Said.Length == 0)
            {
                await copy.WriteNullAsync();
            }
            else
            {
                await copy.WriteAsync(visit.Said, NpgsqlDbType.Varchar);
            }

            await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
        }

        var copied = (long)await copy.CompleteAsync();
        Check("raw COPY", "Completed", copied, copied, 0, 0, expected);
    }

    private static void Check(string path, string? status, long read, long accepted, long duplicates, long rejected, long expected)
    {
        if (status != nameof(IngestStatus.Completed) || read != expected || accepted != expected || duplicates != 0 || rejected != 0)
        {
            throw new InvalidOperationException(
                $"{path}: expected {expected} lines all accepted; the ingest ended {status}, read {read}, accepted {accepted}, duplicates {duplicates}, rejected {rejected}.");
        }
    }

    /// <summary>The city's figures count every visit of the two ingests (one household each), and the raw copy holds every row.</summary>
    private static async Task CheckFiguresAsync(
        HttpClient gateway, TokenSource token, Guid[] campaigns, Guid city, IReadOnlyList<SurveyOrganization> organizations, string database)
    {
        var (households, visited) = (organizations.Sum(o => (long)o.Households), organizations.Sum(o => (long)o.Visits));
        foreach (var campaign in campaigns.Take(2))
        {
            var figures = await GetAsync(gateway, token, $"/api/surveys/campaigns/{campaign}/figures/{city}");
            var (h, v) = (figures.GetProperty("households").GetInt64(), figures.GetProperty("visitedHouseholds").GetInt64());
            if (h != households || v != visited)
            {
                throw new InvalidOperationException($"The city's figures of campaign {campaign} count {h} households and {v} visited, not {households} and {visited}.");
            }

            Console.WriteLine($"\n  the city's figures (campaign {campaign}): {h:N0} households, {v:N0} visited, rate {figures.GetProperty("visitRate")}%");
        }

        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM visits WHERE campaign_id = $1", connection) { Parameters = { new NpgsqlParameter { Value = campaigns[2] } } };
        var copied = (long)(await count.ExecuteScalarAsync())!;
        if (copied != visited)
        {
            throw new InvalidOperationException($"The raw copy's campaign holds {copied} visits, not {visited}.");
        }
    }

    /// <summary>
    /// Plans a campaign over every kind of Party organisation of the city; planned again until Surveys' copy of the tree
    /// holds every organisation Organizations lists (a platform just started is still sending them).
    /// </summary>
    private static async Task<Guid> PlanAsync(HttpClient gateway, TokenSource token, Guid city, string name, DateOnly startsOn, DateOnly endsOn)
    {
        var expected = (await GetAsync(gateway, token, "/api/organizations/party-organizations?pageSize=1")).GetProperty("totalCount").GetInt32();
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromMinutes(10);
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/surveys/campaigns")
            {
                Content = JsonContent.Create(new { name, unitId = city, startsOn, endsOn }),
            };
            request.Headers.Authorization = await token.HeaderAsync(CancellationToken.None);
            using var response = await gateway.SendAsync(request);
            if ((int)response.StatusCode >= 500 && DateTimeOffset.UtcNow <= deadline)
            {
                // A platform just started, on a loaded machine, can take longer than the route's timeout to fill a city's scope.
                Console.WriteLine($"  planning the campaign answered {(int)response.StatusCode}; again in 5 s");
                await Task.Delay(TimeSpan.FromSeconds(5));
                continue;
            }

            var campaign = await Ok(response);
            var planned = campaign.GetProperty("organizations").GetInt32();
            if (planned >= expected || DateTimeOffset.UtcNow > deadline)
            {
                Console.WriteLine($"  campaign {campaign.GetProperty("id").GetGuid()} ({name}): {planned} organisations of Organizations' {expected}");
                return campaign.GetProperty("id").GetGuid();
            }

            Console.WriteLine($"  waiting for Surveys' copy of the Party organisations: {planned} of {expected}");
            await Task.Delay(TimeSpan.FromSeconds(5));
        }
    }

    private static async Task<List<(Guid Id, string Code)>> OrganizationsAsync(HttpClient gateway, TokenSource token, Guid campaign, Guid county)
    {
        var organizations = new List<(Guid, string)>();
        for (var page = 1; ; page++)
        {
            var items = (await GetAsync(gateway, token, $"/api/surveys/campaigns/{campaign}/organizations?unitId={county}&pageSize=500&page={page}"))
                .GetProperty("items").EnumerateArray().ToList();
            organizations.AddRange(items.Select(o => (o.GetProperty("organizationId").GetGuid(), o.GetProperty("code").GetString()!)));
            if (items.Count < 500)
            {
                return organizations;
            }
        }
    }

    /// <summary>A county's households as the households import takes them: one CSV of its organisations.</summary>
    private static async Task ImportHouseholdsAsync(HttpClient gateway, TokenSource token, Guid campaign, IEnumerable<SurveyOrganization> organizations)
    {
        var csv = new StringBuilder("organizationCode,households\n");
        foreach (var organization in organizations)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{organization.Code},{organization.Households}\n");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/surveys/campaigns/{campaign}/households/imports")
        {
            Content = new StringContent(csv.ToString(), new UTF8Encoding(false), "text/csv"),
        };
        request.Headers.Authorization = await token.HeaderAsync(CancellationToken.None);
        using var response = await gateway.SendAsync(request);
        await Ok(response);
    }

    private static async Task<JsonElement> GetAsync(HttpClient gateway, TokenSource token, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = await token.HeaderAsync(CancellationToken.None);
        using var response = await gateway.SendAsync(request);
        return await Ok(response);
    }

    private static async Task<JsonElement> Ok(HttpResponseMessage response) =>
        response.IsSuccessStatusCode
            ? await response.Content.ReadFromJsonAsync<JsonElement>()
            : throw new InvalidOperationException(
                $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");

    private static string Rate(long rows, TimeSpan time) => (rows / time.TotalSeconds).ToString("N0", CultureInfo.InvariantCulture);

    private static string Share(TimeSpan part, TimeSpan whole) => $"{100 * part / whole,3:F0} %";

    private static string Mib(long? bytes) => bytes is { } b ? $"{b / 1024.0 / 1024.0:N0} MiB" : "–";
}
