using MassTransit;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Contracts.Assessments;
using PartyPlatform.Contracts.Personnel;
using PartyPlatform.Messaging.Inbox;
using PartyPlatform.Personnel.Data;
using PartyPlatform.Personnel.WatchList;

namespace PartyPlatform.Personnel.Consumers;

/// <summary>
/// Assessments' 较差, once it is the village's result (the county decided it, or the city filed it), puts the
/// village on the election watch list as backward, and so among the villages that need a first secretary; a
/// later version of the same grading that is no longer 较差, or no longer a result (sent back), takes it off.
/// Kept by the grading's id and version: a redelivery or an older version changes nothing.
/// </summary>
public sealed class OrganizationGradedConsumer(PersonnelDb db, CityCalendar calendar, TimeProvider time)
    : IConsumer<OrganizationGraded>, IInboxConsumer
{
    public static string Name => "personnel-organization-graded";

    public Task Consume(ConsumeContext<OrganizationGraded> context) =>
        db.ApplyOnceAsync(context, this, async ct =>
        {
            var fact = context.Message;
            var held = await db.AssessmentGradings
                .FromSql($"SELECT * FROM assessment_gradings WHERE grading_id = {fact.GradingId} FOR UPDATE").FirstOrDefaultAsync(ct);
            if (held is null)
            {
                db.AssessmentGradings.Add(AssessmentGrading.From(fact));
            }
            else if (!held.Apply(fact))
            {
                return;
            }

            var poor = AssessmentGrading.IsPoorResult(fact);
            await db.ApplyWatchListFactAsync(WatchListSource.Assessments, fact.GradingId, fact.UnitId, poor, Reason(fact, poor),
                calendar.DayOf(fact.OccurredAt), time.GetUtcNow(), ct);
        });

    private static string Reason(OrganizationGraded fact, bool poor) => poor
        ? $"{fact.Year}年度升级晋档评定为较差"
        : fact.IsResult
            ? $"{fact.Year}年度升级晋档改定为{GradeName(fact.Grade)}"
            : $"{fact.Year}年度升级晋档评定已退回重评";

    private static string GradeName(Grade grade) => grade switch
    {
        Grade.Good => "好",
        Grade.FairlyGood => "较好",
        Grade.Average => "一般",
        _ => "较差",
    };
}
