using KhuyenCong.Web.Services.Registrations;

namespace KhuyenCong.Web.Tests.Services.Registrations;

/// <summary>The order of the registration's question pages, which apply, and which may be opened.</summary>
public class RegistrationStepsTests
{
    [Fact]
    public void The_machinery_page_applies_only_when_machinery_support_is_chosen()
    {
        var without = new DraftData();
        Assert.DoesNotContain(RegistrationSteps.Machinery, RegistrationSteps.For(without));
        Assert.Equal(RegistrationSteps.All.Count, RegistrationSteps.Total(without));
        Assert.Equal(RegistrationSteps.Project, RegistrationSteps.Next(without, RegistrationSteps.Support));

        var with = new DraftData { Lines = [RegistrationCatalog.MachineryLine] };
        Assert.Contains(RegistrationSteps.Machinery, RegistrationSteps.For(with));
        Assert.Equal(RegistrationSteps.All.Count + 1, RegistrationSteps.Total(with));
        Assert.Equal(RegistrationSteps.Machinery, RegistrationSteps.Next(with, RegistrationSteps.Support));
        Assert.Equal(RegistrationSteps.Total(with), RegistrationSteps.Number(with, RegistrationSteps.Check));
    }

    [Fact]
    public void A_step_opens_only_when_every_step_before_it_is_answered()
    {
        var d = new DraftData();
        Assert.True(RegistrationSteps.CanOpen(d, RegistrationSteps.Type));
        Assert.False(RegistrationSteps.CanOpen(d, RegistrationSteps.Place));
        Assert.False(RegistrationSteps.CanOpen(d, RegistrationSteps.Check));
        Assert.False(RegistrationSteps.CanOpen(d, "khong-co"));
        Assert.Equal(RegistrationSteps.Type, RegistrationSteps.FirstMissing(d));

        d.Done.AddRange(RegistrationSteps.For(d));
        Assert.True(RegistrationSteps.CanOpen(d, RegistrationSteps.Check));
        Assert.Null(RegistrationSteps.FirstMissing(d));
        Assert.Equal(RegistrationSteps.Consent, RegistrationSteps.Previous(d, RegistrationSteps.Check));
        Assert.Null(RegistrationSteps.Previous(d, RegistrationSteps.Type));
        Assert.Equal(RegistrationSteps.Check, RegistrationSteps.Next(d, RegistrationSteps.Consent));
    }

    [Fact]
    public void A_place_outside_the_province_closes_every_later_step()
    {
        var d = new DraftData { Place = RegistrationCatalog.OutsideProvince, Done = [RegistrationSteps.Type, RegistrationSteps.Place] };
        Assert.True(RegistrationSteps.CanOpen(d, RegistrationSteps.Place));
        Assert.False(RegistrationSteps.CanOpen(d, RegistrationSteps.Products));
        Assert.False(RegistrationSteps.CanOpen(d, RegistrationSteps.Check));
    }

    [Fact]
    public void Every_step_has_a_title() =>
        Assert.All(RegistrationSteps.All.Append(RegistrationSteps.Check), s => Assert.False(string.IsNullOrWhiteSpace(RegistrationSteps.Titles[s])));
}
