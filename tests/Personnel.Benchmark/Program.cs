using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Spreadsheets;

namespace PartyPlatform.Personnel.Benchmark;

/// <summary>Imports a county's roster of people with their posts from one .xlsx and prints rows/s, against the API row by row.</summary>
public static class ImportBenchmark
{
    public static async Task Main(string[] args)
    {
        // dotnet run -c Release --project tests/Personnel.Benchmark -- [rows] [baseline-rows]
        var numbers = args.Select(int.Parse).ToArray();
        var rows = numbers.Length > 0 ? numbers[0] : 20_000;
        var baselineRows = numbers.Length > 1 ? numbers[1] : 500;
        Console.WriteLine(
            $"Personnel import benchmark: {rows:N0} people with a post each from one .xlsx, {BenchmarkApp.Townships * BenchmarkApp.VillagesPerTownship:N0} villages; " +
            $"baseline {baselineRows:N0} of them through POST /people and POST /posts; {Environment.ProcessorCount} cores; PostgreSQL fsync off, as in tests");

        var baseline = 0.0;

        // Baseline: the same rows one request pair each, as a county would without the import.
        await using (var app = await BenchmarkApp.StartAsync())
        {
            var client = app.County();
            Dictionary<string, Guid> villages;
            await using (var db = app.OpenDb())
            {
                villages = await db.Units.Where(u => u.Code != null).ToDictionaryAsync(u => u.Code!, u => u.Id);
            }

            var roster = Roster.Rows(baselineRows);
            var clock = Stopwatch.StartNew();
            foreach (var row in roster)
            {
                var unitId = villages[row[9]!];
                var person = await Succeeded(await client.PostAsJsonAsync("/api/personnel/people", Roster.Person(row, unitId)));
                await Succeeded(await client.PostAsJsonAsync("/api/personnel/posts",
                    new { personId = person.GetProperty("id").GetGuid(), unitId, kind = row[10], start = row[11] }));
            }

            baseline = baselineRows / clock.Elapsed.TotalSeconds;
            Print($"baseline: POST /people + POST /posts per row ({baselineRows:N0} rows)", baseline, null);
        }

        await using (var app = await BenchmarkApp.StartAsync())
        {
            var client = app.County();
            var workbook = await Roster.WorkbookAsync(Roster.Rows(rows));
            Console.WriteLine($"workbook: {workbook.Length / 1024.0 / 1024.0:F1} MB");

            var clock = Stopwatch.StartNew();
            var first = await Succeeded(await Import(client, workbook));
            Print($"import .xlsx, all new ({first.GetProperty("peopleRegistered").GetInt32():N0} people, {first.GetProperty("postsBegun").GetInt32():N0} posts)",
                rows / clock.Elapsed.TotalSeconds, baseline);

            clock.Restart();
            var again = await Succeeded(await Import(client, workbook));
            Print($"the same .xlsx again, all unchanged ({again.GetProperty("peopleUnchanged").GetInt32():N0} people)", rows / clock.Elapsed.TotalSeconds, baseline);
        }
    }

    private static async Task<HttpResponseMessage> Import(HttpClient client, byte[] workbook)
    {
        var content = new ByteArrayContent(workbook);
        content.Headers.ContentType = new MediaTypeHeaderValue(SheetFile.XlsxMediaType);
        return await client.PostAsync("/api/personnel/people/imports", content);
    }

    private static async Task<JsonElement> Succeeded(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode
            ? JsonSerializer.Deserialize<JsonElement>(body)
            : throw new InvalidOperationException($"{(int)response.StatusCode}: {body[..Math.Min(body.Length, 2000)]}");
    }

    private static void Print(string what, double perSecond, double? baseline) =>
        Console.WriteLine($"{what,-75} {perSecond,8:N0} rows/s{(baseline is { } b ? $"   ratio to baseline {perSecond / b:F1}" : "")}");
}
