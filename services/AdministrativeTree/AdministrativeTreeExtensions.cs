using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Messaging;

namespace PartyPlatform.AdministrativeTree;

public static class AdministrativeTreeExtensions
{
    /// <summary>
    /// A copy of the tree in <typeparamref name="TDb"/> (whose model calls <see cref="UnitReplicaModel.AddUnitReplicas"/>):
    /// <see cref="ReplicaScope"/> for requests, and a replay of the tree asked for at start (of the Party
    /// organisations too when the model calls <see cref="PartyOrganizationReplicaModel.AddPartyOrganizationReplicas"/>).
    /// The service registers its own consumers of the tree events, which call <see cref="UnitReplicaModel.ApplyUnitChangesAsync"/>
    /// and <see cref="PartyOrganizationReplicaModel.ApplyPartyOrganizationChangesAsync"/>.
    /// </summary>
    public static IHostApplicationBuilder AddAdministrativeTree<TDb>(this IHostApplicationBuilder builder, string serviceName)
        where TDb : DbContext
    {
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped(services => new ReplicaScope(services.GetRequiredService<TDb>(), services.GetRequiredService<IHttpContextAccessor>()));
        return builder.AddReplayRequest(TreeReplayRequested.Queue, async (services, now, ct) =>
        {
            var db = services.GetRequiredService<TDb>();
            return new TreeReplayRequested(
                serviceName, now, await db.Set<UnitReplica>().DigestAsync(u => u.Version, ct),
                db.CopiesPartyOrganizations() ? await db.Set<PartyOrganizationReplica>().DigestAsync(o => o.Version, ct) : null);
        });
    }
}
