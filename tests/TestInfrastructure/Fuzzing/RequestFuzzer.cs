using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using System.Text.Json;
using CsCheck;
using Xunit;

namespace PartyPlatform.TestInfrastructure.Fuzzing;

/// <summary>
/// Sends generated malformed requests (<see cref="MalformedRequests"/>) to every write operation of a
/// service's OpenAPI document, as a caller who may write everywhere, and reports each request that
/// was not refused with a 4xx or that changed a row of the service's database. Replayable: the
/// requests follow from the seed (FUZZ_SEED overrides the fixed one), which every report names.
/// </summary>
public sealed class RequestFuzzer(HttpClient client, string connectionString)
{
    public const ulong FixedSeed = 20_261_130;

    public static ulong Seed => ulong.TryParse(Environment.GetEnvironmentVariable("FUZZ_SEED"), out var seed) ? seed : FixedSeed;

    public sealed record Result(int Operations, int Requests, IReadOnlyList<string> Failures)
    {
        /// <summary>Every request refused and nothing changed, over at least as many operations as the service has.</summary>
        public void AssertAllRefused(int minimumOperations)
        {
            Assert.True(Operations >= minimumOperations, $"only {Operations} write operations found in the document");
            Assert.True(Failures.Count == 0, string.Join(Environment.NewLine, Failures.Take(40)));
        }
    }

    /// <param name="routeValues">A real entity for every route parameter, so that requests reach their handlers.</param>
    /// <param name="requests">How many requests in all, shared evenly between the operations.</param>
    public async Task<Result> RunAsync(IReadOnlyDictionary<string, string> routeValues, int requests, CancellationToken cancellationToken)
    {
        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json", cancellationToken)).RootElement;
        var operations = WriteOperation.AllIn(document);
        var ids = routeValues.Values.Where(v => Guid.TryParse(v, out _)).ToList();
        var pcg = new PCG(1, Seed);
        var failures = new List<string>();
        var sent = 0;
        var before = await DatabaseSnapshot.TakeAsync(connectionString, cancellationToken);
        foreach (var operation in operations)
        {
            var gen = MalformedRequests.For(operation, document, Fill(operation.Path, routeValues), ids);
            for (var i = 0; i < Math.Max(1, requests / operations.Count); i++, sent++)
            {
                var request = gen.Generate(pcg, null!, out _);
                var status = await SendAsync(request, cancellationToken);
                if (status is < 400 or >= 500)
                {
                    failures.Add($"#{sent} answered {status}: {request}");
                }

                var after = await DatabaseSnapshot.TakeAsync(connectionString, cancellationToken);
                if (after != before)
                {
                    failures.Add($"#{sent} changed the database: {request}");
                    before = after;
                }
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"fuzz: seed {Seed} (FUZZ_SEED={Seed} replays it), {sent} requests over {operations.Count} operations, {failures.Count} failures");
        return new Result(operations.Count, sent, failures.Select(f => $"seed {Seed}: {f}").ToList());
    }

    private async Task<int> SendAsync(FuzzRequest request, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Path) { Content = new ByteArrayContent(request.Body) };
        message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
        using var response = await client.SendAsync(message, cancellationToken);
        return (int)response.StatusCode;
    }

    private static string Fill(string template, IReadOnlyDictionary<string, string> routeValues) =>
        Regex.Replace(template, "{([^}:]+)[^}]*}", parameter => routeValues.TryGetValue(parameter.Groups[1].Value, out var value)
            ? value
            : throw new InvalidOperationException($"No route value for {parameter.Value} in {template}."));
}
