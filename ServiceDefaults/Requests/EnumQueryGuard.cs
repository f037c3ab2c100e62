using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.Http;

namespace PartyPlatform.Requests;

/// <summary>
/// Query parameters of an enum type take defined names only. Binding uses Enum.TryParse, which
/// also takes "123" and "County,Township" and hands the handler a value no enum defines.
/// </summary>
public static class EnumQueryGuard
{
    private static readonly ConcurrentDictionary<MethodInfo, (string Name, Type Enum, string[] Names)[]> Parameters = new();

    public static Dictionary<string, string[]> Inspect(Endpoint endpoint, IQueryCollection query)
    {
        var errors = new Dictionary<string, string[]>();
        if (query.Count == 0 || endpoint.Metadata.GetMetadata<MethodInfo>() is not { } handler)
        {
            return errors;
        }

        foreach (var (name, enumType, names) in Parameters.GetOrAdd(handler, EnumParameters))
        {
            foreach (var value in query[name])
            {
                if (value is null || !names.Contains(value, StringComparer.Ordinal))
                {
                    errors[name] = [$"'{value}' is not a {enumType.Name}; give one of the names {StrictEnumConverter.Allowed(enumType)}."];
                }
            }
        }

        return errors;
    }

    // Parameters bound from the query by name, directly or as members of an [AsParameters] type.
    private static (string, Type, string[])[] EnumParameters(MethodInfo handler) =>
        handler.GetParameters()
            .SelectMany(p => p.GetCustomAttribute<AsParametersAttribute>() is null
                ? [(p.Name!, p.ParameterType)]
                : p.ParameterType.GetProperties().Select(property => (property.Name, property.PropertyType)))
            .Select(p => (p.Item1, Enum: Nullable.GetUnderlyingType(p.Item2) ?? p.Item2))
            .Where(p => p.Enum.IsEnum)
            .Select(p => (char.ToLowerInvariant(p.Item1[0]) + p.Item1[1..], p.Enum, Enum.GetNames(p.Enum)))
            .ToArray();
}
