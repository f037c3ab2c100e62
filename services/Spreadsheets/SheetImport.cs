using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace PartyPlatform.Spreadsheets;

/// <summary>An all-or-nothing import of a sheet into something the request names, as an endpoint answers it.</summary>
public static class SheetImport
{
    /// <summary>
    /// Finds what the file goes into (404 when <paramref name="find"/> answers null), reads the body as a sheet within
    /// <paramref name="maxBodyBytes"/> and <paramref name="maxRows"/>, and imports it; a file with bad rows answers 400
    /// with every bad row's reason.
    /// </summary>
    public static Task<Results<Ok<TResult>, ValidationProblem, NotFound>> RunAsync<TTarget, TResult>(
        HttpRequest request, long maxBodyBytes, Func<Task<TTarget?>> find, SheetColumns columns, int maxRows,
        Func<TTarget, List<SheetLine>, Task<TResult>> import, CancellationToken ct)
        where TTarget : class =>
        RunAsync(request, maxBodyBytes, find, _ => columns, maxRows, import, ct);

    /// <summary>The same, for a sheet whose columns depend on what it goes into (a round's indicators, say).</summary>
    public static async Task<Results<Ok<TResult>, ValidationProblem, NotFound>> RunAsync<TTarget, TResult>(
        HttpRequest request, long maxBodyBytes, Func<Task<TTarget?>> find, Func<TTarget, SheetColumns> columnsOf, int maxRows,
        Func<TTarget, List<SheetLine>, Task<TResult>> import, CancellationToken ct)
        where TTarget : class
    {
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBodyBytes;
        }

        if (await find() is not { } target)
        {
            return TypedResults.NotFound();
        }

        var lines = await SheetFile.ReadAsync(request, columnsOf(target), maxRows, ct);
        try
        {
            return TypedResults.Ok(await import(target, lines));
        }
        catch (SheetRejectedException rejected)
        {
            return TypedResults.ValidationProblem(rejected.Errors, detail: rejected.Message, title: "The file was rejected.");
        }
    }
}
