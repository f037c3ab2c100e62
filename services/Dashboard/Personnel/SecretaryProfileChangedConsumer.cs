using MassTransit;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Contracts.Personnel;
using PartyPlatform.Dashboard.Data;
using PartyPlatform.Messaging;
using PartyPlatform.Messaging.Inbox;

namespace PartyPlatform.Dashboard.Personnel;

/// <summary>Keeps the copy of the village-secretary profiles; batched, as one term moves a township, a county and the city at once.</summary>
public sealed class SecretaryProfileChangedConsumer(DashboardDb db) : IConsumer<Batch<VillageSecretaryProfileChanged>>, IInboxConsumer
{
    public static string Name => "dashboard-secretary-profile-changed";

    public Task Consume(ConsumeContext<Batch<VillageSecretaryProfileChanged>> context) =>
        db.ApplyOnceAsync(context, this, (changes, ct) => db.SecretaryProfiles.ApplyNewestAsync(
            changes, ids => db.SecretaryProfiles.FromSql($"SELECT * FROM secretary_profiles WHERE unit_id = ANY({ids}) FOR UPDATE"), ct));
}
