using MassTransit;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Contracts.Personnel;
using PartyPlatform.Dashboard.Data;
using PartyPlatform.Messaging;
using PartyPlatform.Messaging.Inbox;

namespace PartyPlatform.Dashboard.Personnel;

/// <summary>Keeps the copy of the college-graduate officials' terms and exits; batched for a replay of a whole city.</summary>
public sealed class GraduateOfficialChangedConsumer(DashboardDb db) : IConsumer<Batch<GraduateOfficialChanged>>, IInboxConsumer
{
    public static string Name => "dashboard-graduate-official-changed";

    public Task Consume(ConsumeContext<Batch<GraduateOfficialChanged>> context) =>
        db.ApplyOnceAsync(context, this, (changes, ct) => db.GraduateOfficials.ApplyNewestAsync(
            changes, ids => db.GraduateOfficials.FromSql($"SELECT * FROM graduate_officials WHERE official_id = ANY({ids}) FOR UPDATE"), ct));
}
