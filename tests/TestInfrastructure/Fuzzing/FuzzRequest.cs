using System.Text;

namespace PartyPlatform.TestInfrastructure.Fuzzing;

/// <summary>One malformed request: what it spoils is named, so that a failure reads as a bug report.</summary>
public sealed record FuzzRequest(string Method, string Path, string ContentType, byte[] Body, string Mutation)
{
    public override string ToString()
    {
        var text = Encoding.UTF8.GetString(Body);
        return $"{Method} {Path} ({Mutation}; {ContentType}): {(text.Length > 300 ? text[..300] + "…" : text)}";
    }
}
