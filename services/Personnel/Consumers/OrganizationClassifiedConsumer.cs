using MassTransit;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Contracts.Personnel;
using PartyPlatform.Contracts.Surveys;
using PartyPlatform.Messaging.Inbox;
using PartyPlatform.Personnel.Data;
using PartyPlatform.Personnel.WatchList;

namespace PartyPlatform.Personnel.Consumers;

/// <summary>
/// Surveys' 后进 puts a village (or community) on the election watch list as backward, with Surveys' reason,
/// and so on the list of villages that need a first secretary; a later 好 or 中间 for the same classification
/// takes it off again. Kept by the classification's id and version: a redelivery or an older version changes
/// nothing. Enterprises and other organisations are not villages, and are not watched here.
/// </summary>
public sealed class OrganizationClassifiedConsumer(PersonnelDb db, CityCalendar calendar, TimeProvider time)
    : IConsumer<OrganizationClassified>, IInboxConsumer
{
    public static string Name => "personnel-organization-classified";

    public Task Consume(ConsumeContext<OrganizationClassified> context) =>
        db.ApplyOnceAsync(context, this, async ct =>
        {
            var fact = context.Message;
            if (fact.Kind is not (PartyOrganizationKind.Village or PartyOrganizationKind.Community))
            {
                return;
            }

            var held = await db.SurveyClassifications
                .FromSql($"SELECT * FROM survey_classifications WHERE classification_id = {fact.ClassificationId} FOR UPDATE").FirstOrDefaultAsync(ct);
            if (held is null)
            {
                db.SurveyClassifications.Add(SurveyClassification.From(fact));
            }
            else if (!held.Apply(fact))
            {
                return;
            }

            var backward = fact.Class == OrganizationClass.Backward;
            var reason = backward
                ? $"入户调研评定为后进：{fact.Reason}"
                : $"入户调研重新评定为{(fact.Class == OrganizationClass.Good ? "好" : "中间")}：{fact.Reason}";
            await db.ApplyWatchListFactAsync(WatchListSource.Surveys, fact.ClassificationId, fact.UnitId, backward, reason, calendar.DayOf(fact.OccurredAt),
                time.GetUtcNow(), ct);
        });
}
