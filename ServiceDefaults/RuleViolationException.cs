namespace PartyPlatform;

/// <summary>
/// A request broke a business rule. <see cref="Field"/> names the request field (or import row)
/// at fault; the platform answers 400 ValidationProblemDetails and nothing is written.
/// </summary>
public sealed class RuleViolationException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
