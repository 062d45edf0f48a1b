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

    [Fact]
    public void Steps_are_numbered_in_order_and_the_machinery_page_shifts_the_later_ones()
    {
        var without = new DraftData();
        var with = new DraftData { Lines = [RegistrationCatalog.MachineryLine] };
        Assert.Equal(1, RegistrationSteps.Number(without, RegistrationSteps.Type));
        Assert.Equal(RegistrationSteps.Number(without, RegistrationSteps.Support) + 1, RegistrationSteps.Number(without, RegistrationSteps.Project));
        Assert.Equal(RegistrationSteps.Number(with, RegistrationSteps.Support) + 2, RegistrationSteps.Number(with, RegistrationSteps.Project));
        Assert.Equal(RegistrationSteps.Number(without, RegistrationSteps.Project) + 1, RegistrationSteps.Number(with, RegistrationSteps.Project));
        Assert.Equal(0, RegistrationSteps.Number(without, RegistrationSteps.Machinery));
        Assert.Equal(RegistrationSteps.Support, RegistrationSteps.Previous(without, RegistrationSteps.Project));
        Assert.Equal(RegistrationSteps.Machinery, RegistrationSteps.Previous(with, RegistrationSteps.Project));
    }

    [Fact]
    public void A_gap_in_the_answers_closes_every_step_after_it()
    {
        // Every step answered but the size: the pages after it stay closed, the first missing one is the size.
        var d = new DraftData();
        d.Done.AddRange(RegistrationSteps.For(d).Where(s => s != RegistrationSteps.Size));
        Assert.Equal(RegistrationSteps.Size, RegistrationSteps.FirstMissing(d));
        Assert.True(RegistrationSteps.CanOpen(d, RegistrationSteps.Size));
        Assert.False(RegistrationSteps.CanOpen(d, RegistrationSteps.Support));
        Assert.False(RegistrationSteps.CanOpen(d, RegistrationSteps.Check));
    }

    [Fact]
    public void Choosing_machinery_support_after_the_later_steps_asks_for_the_machinery_page()
    {
        var d = new DraftData();
        d.Done.AddRange(RegistrationSteps.For(d));
        Assert.True(RegistrationSteps.CanOpen(d, RegistrationSteps.Check));

        d.Lines.Add(RegistrationCatalog.MachineryLine);
        Assert.Equal(RegistrationSteps.Machinery, RegistrationSteps.FirstMissing(d));
        Assert.False(RegistrationSteps.CanOpen(d, RegistrationSteps.Check));
        Assert.False(RegistrationSteps.CanOpen(d, RegistrationSteps.Project));
    }

    [Fact]
    public void After_the_last_step_or_from_an_unknown_one_comes_the_check_page()
    {
        var d = new DraftData();
        Assert.Equal(RegistrationSteps.Check, RegistrationSteps.Next(d, RegistrationSteps.All[^1]));
        Assert.Equal(RegistrationSteps.Check, RegistrationSteps.Next(d, "khong-co"));
        Assert.Null(RegistrationSteps.Previous(d, "khong-co"));
    }
}
