using Microsoft.Extensions.Configuration;

namespace PartyPlatform.AppHost.Infrastructure;

public static class ForwardedSettings
{
    /// <summary>
    /// Every value under <paramref name="section"/> of the AppHost's configuration, passed to the
    /// project under the same key (<c>Gateway:RateLimit:PermitsPerWindow</c> becomes
    /// <c>Gateway__RateLimit__PermitsPerWindow</c>), so that a run can set it on the command line
    /// (<c>scripts/run.sh Gateway:RateLimit:PermitsPerWindow=100000</c>) or the testing builder's arguments.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithSettingsFrom(this IResourceBuilder<ProjectResource> project, IConfigurationSection section)
    {
        foreach (var (key, value) in section.AsEnumerable())
        {
            if (value is not null)
            {
                project.WithEnvironment(key.Replace(":", "__", StringComparison.Ordinal), value);
            }
        }

        return project;
    }
}
