using System.Text.Json;
using PartyPlatform.Organizations.Imports;

namespace PartyPlatform.Organizations.DemoData;

/// <summary>`Organizations demo-city [csv|json]`: prints the synthetic city, ready for the import endpoint.</summary>
public static class DemoCityCommand
{
    public static async Task WriteAsync(string[] args, TextWriter output)
    {
        var rows = DemoCity.Generate();
        if (args.Length > 1 && args[1].Equals("json", StringComparison.OrdinalIgnoreCase))
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(rows, new JsonSerializerOptions(JsonSerializerDefaults.Web)
            {
                Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            }));
            return;
        }

        await UnitCsv.WriteAsync(output, rows);
    }
}
