using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;

namespace PartyPlatform.OpenApi;

/// <summary>
/// The 4xx answers every operation can give because of what the platform does before any handler,
/// all as RFC 9457 ProblemDetails. Answers only a handler knows (409 from a conflict, a 404 without
/// a path id) are declared on the endpoint (<c>ProducesProblem</c>, typed results); this also gives
/// those their ProblemDetails body, which the status-code pages write.
/// <list type="bullet">
/// <item>400: a body or a query, refused by the request guard, binding or validation;</item>
/// <item>401 and 403: a token is needed, and a platform role (the fallback policy) or more;</item>
/// <item>404: an id in the path that is missing or outside the caller's unit (the existence rule);</item>
/// <item>415: a body of another media type or charset;</item>
/// <item>429: the gateway's per-client rate limit, which covers every route but health.</item>
/// </list>
/// </summary>
public sealed class ProblemResponses : IOpenApiOperationTransformer
{
    public const string MediaType = "application/problem+json";

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var hasBody = operation.RequestBody is not null;
        var parameters = operation.Parameters ?? [];
        var statuses = new List<int> { StatusCodes.Status429TooManyRequests };
        if (hasBody || parameters.Any(p => p.In == ParameterLocation.Query))
        {
            statuses.Add(StatusCodes.Status400BadRequest);
        }

        if (BearerSecurity.RequiresToken(context))
        {
            statuses.AddRange([StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden]);
        }

        if (parameters.Any(p => p.In == ParameterLocation.Path))
        {
            statuses.Add(StatusCodes.Status404NotFound);
        }

        if (hasBody)
        {
            statuses.Add(StatusCodes.Status415UnsupportedMediaType);
        }

        operation.Responses ??= [];
        foreach (var status in statuses)
        {
            operation.Responses.TryAdd(status.ToString(), new OpenApiResponse { Description = ReasonPhrases.GetReasonPhrase(status) });
        }

        foreach (var (status, response) in operation.Responses.Where(r => r.Key.StartsWith('4')).ToList())
        {
            if (response is OpenApiResponse { Content: null or { Count: 0 } } bare)
            {
                var type = status == "400" ? typeof(HttpValidationProblemDetails) : typeof(Microsoft.AspNetCore.Mvc.ProblemDetails);
                bare.Content = new Dictionary<string, OpenApiMediaType>
                {
                    [MediaType] = new() { Schema = await context.GetOrCreateSchemaAsync(type, cancellationToken: cancellationToken) },
                };
            }
        }
    }
}
