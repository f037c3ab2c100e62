using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using PartyPlatform.Security;
using PartyPlatform.OpenApi;

namespace PartyPlatform.Organizations.Imports;

public static class ImportsApi
{
    public static RouteGroupBuilder MapImportsApi(this IEndpointRouteBuilder routes)
    {
        var imports = routes.MapGroup("/api/organizations/imports")
            .WithTag("Imports", "Whole trees from JSON or CSV, all or nothing, safe to send again.");
        var maxRows = routes.ServiceProvider.GetRequiredService<IOptions<UnitImportOptions>>().Value.MaxRows;

        imports.MapPost("/units", ImportUnits)
            .RequireAuthorization(PlatformPolicies.Write)
            .Accepts<List<UnitImportRow>>("application/json", "text/csv")
            .WithName("ImportUnits").WithSummary("Import a tree from JSON or CSV, all or nothing")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithDescription($"""
                At most {maxRows} rows (Organizations:Imports:MaxRows): a longer batch is 400 keyed "file", saying
                the cap, and nothing is written.
                The whole batch is checked first. If any row is bad, the answer is 400 with every bad row's
                reason keyed "rows[N].field" (N counts data rows from 1) and nothing is written. Rows whose code
                already exists under the same parent are unchanged or renamed, so the same file can be sent again,
                also while another import of it runs.
                A row that would change or add anything outside the caller's unit refuses the whole batch with 403.
                """);

        return imports;
    }

    private static async Task<Results<Ok<ImportResult>, ValidationProblem>> ImportUnits(
        HttpRequest request, UnitImporter importer, CancellationToken ct)
    {
        var rows = await ReadRowsAsync(request, ct);
        try
        {
            return TypedResults.Ok(await importer.ImportAsync(rows, ct));
        }
        catch (UnitImportRejectedException rejected)
        {
            return TypedResults.ValidationProblem(rejected.Errors, detail: rejected.Message, title: "The import was rejected.");
        }
    }

    private static async Task<List<UnitImportRow>> ReadRowsAsync(HttpRequest request, CancellationToken ct)
    {
        var mediaType = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        switch (mediaType)
        {
            case "text/csv":
                using (var text = new StreamReader(request.Body))
                {
                    return await UnitCsv.ReadAsync(text, ct);
                }

            case "application/json":
                try
                {
                    return await JsonSerializer.DeserializeAsync<List<UnitImportRow>>(request.Body, JsonSerializerOptions.Web, ct)
                           ?? throw new RuleViolationException("file", "The body must be a JSON array of rows.");
                }
                catch (JsonException exception)
                {
                    throw new RuleViolationException("file", $"Malformed JSON at {exception.Path}: {exception.Message}");
                }

            default:
                throw new BadHttpRequestException(
                    $"Send the rows as application/json or text/csv, not '{request.ContentType}'.", StatusCodes.Status415UnsupportedMediaType);
        }
    }
}
