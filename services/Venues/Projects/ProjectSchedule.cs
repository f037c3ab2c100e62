using PartyPlatform.Venues.Campaign;

namespace PartyPlatform.Venues.Projects;

/// <summary>倒排工期: the standard milestones laid out backwards so that the last one ends on the deadline.</summary>
public static class ProjectSchedule
{
    public static List<Milestone> Backwards(CampaignTerms terms)
    {
        var milestones = new List<Milestone>(terms.Milestones.Count);
        var due = terms.Deadline;
        for (var i = terms.Milestones.Count - 1; i >= 0; i--)
        {
            var template = terms.Milestones[i];
            var start = due.AddDays(-template.DurationDays);
            milestones.Add(Milestone.Planned(i + 1, template.Name, start, due, template.ReachedWith));
            due = start;
        }

        milestones.Reverse();
        return milestones;
    }
}
