using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Organizations.DemoData;

namespace PartyPlatform.Organizations.Tests;

public sealed class DemoCityTests
{
    [Fact]
    public void The_demo_city_has_Weinans_shape()
    {
        var rows = DemoCity.Generate();
        int Count(UnitKind kind) => rows.Count(r => r.Kind == kind.ToString());

        var counties = rows.Where(r => r.ParentCode == DemoCity.CityCode).Select(r => r.Name).ToList();
        Assert.Equal(
            ["临渭区", "华州区", "潼关县", "大荔县", "合阳县", "澄城县", "蒲城县", "白水县", "富平县", "韩城市", "华阴市", "高新区", "经开区"],
            counties);
        Assert.InRange(Count(UnitKind.Township) + Count(UnitKind.Street), 140, 160);
        Assert.InRange(Count(UnitKind.Village), 2800, 3200);
        Assert.InRange(Count(UnitKind.Community), 170, 230);
    }

    [Fact]
    public void Made_up_names_are_marked_synthetic_and_codes_are_unique()
    {
        var rows = DemoCity.Generate();

        Assert.All(rows.Where(r => r.Kind is "Township" or "Street" or "Village" or "Community"),
            row => Assert.EndsWith(DemoCity.SyntheticMark, row.Name));
        Assert.Equal(rows.Count, rows.Select(r => r.Code).Distinct().Count());
    }

    [Fact]
    public void The_demo_city_is_the_same_on_every_run() =>
        Assert.Equal(DemoCity.Generate(), DemoCity.Generate());

    [Fact]
    public void Every_county_has_enterprises_and_new_social_organisations_on_its_own_townships_marked_synthetic()
    {
        var organizations = DemoCity.PartyOrganizations();
        var townships = DemoCity.Generate().Where(r => r.Kind is "Township" or "Street").ToDictionary(r => r.Code!, r => r.ParentCode!);
        var counties = DemoCity.Generate().Where(r => r.ParentCode == DemoCity.CityCode).Select(r => r.Code!).ToList();

        Assert.Equal(organizations, DemoCity.PartyOrganizations());
        Assert.All(organizations, o => Assert.EndsWith(DemoCity.SyntheticMark, o.Name));
        Assert.All(organizations, o => Assert.True(townships.ContainsKey(o.UnitCode), o.UnitCode));
        Assert.All(counties, county =>
        {
            var own = organizations.Where(o => townships[o.UnitCode] == county).ToList();
            Assert.Contains(own, o => o.Kind == PartyOrganizationKind.Enterprise);
            Assert.Contains(own, o => o.Kind == PartyOrganizationKind.SocialOrganization);
        });
    }
}
