using KhuyenCong.Web.Models;

namespace KhuyenCong.Web.Services.Content;

public enum FairPhase
{
    Upcoming = 0,
    RegistrationOpen = 1,
    Ongoing = 2,
    Past = 3,
}

/// <summary>A fair's status is never stored: it follows from its dates and today's date in Vietnam.</summary>
public static class FairSchedule
{
    public static DateTime Today(DateTime utcNow) => VietnamTime.ToLocal(utcNow).Date;

    public static FairPhase PhaseOf(Fair fair, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(fair);
        return PhaseOf(fair.StartsOn, fair.EndsOn, fair.RegistrationDeadline, utcNow);
    }

    public static FairPhase PhaseOf(DateTime startsOn, DateTime endsOn, DateTime? registrationDeadline, DateTime utcNow)
    {
        var today = Today(utcNow);
        if (today > endsOn.Date)
        {
            return FairPhase.Past;
        }

        if (today >= startsOn.Date)
        {
            return FairPhase.Ongoing;
        }

        return registrationDeadline is { } deadline && today <= deadline.Date ? FairPhase.RegistrationOpen : FairPhase.Upcoming;
    }

    public static string Label(FairPhase phase) => phase switch
    {
        FairPhase.RegistrationOpen => "Đang nhận đăng ký",
        FairPhase.Ongoing => "Đang diễn ra",
        FairPhase.Past => "Đã kết thúc",
        _ => "Sắp diễn ra",
    };

    public static string LevelLabel(FairLevel level) => level switch
    {
        FairLevel.Provincial => "Cấp tỉnh",
        FairLevel.Regional => "Cấp khu vực",
        FairLevel.National => "Cấp quốc gia",
        _ => "Quốc tế",
    };

    /// <summary>
    /// Where a fair is held, for a card: the venue, then the host province unless the venue already names it
    /// ("Khu hội chợ thành phố Bến Tre", not "…, Bến Tre"); either part may be empty.
    /// </summary>
    public static string Where(string? venue, string? hostProvince)
    {
        venue = venue?.Trim() ?? "";
        hostProvince = hostProvince?.Trim() ?? "";
        if (hostProvince.Length == 0 || TextFolding.Fold(venue).Contains(TextFolding.Fold(hostProvince), StringComparison.Ordinal))
        {
            return venue;
        }

        return venue.Length == 0 ? hostProvince : venue + ", " + hostProvince;
    }

    /// <summary>"20/08/2024 – 25/08/2024" or one day.</summary>
    public static string Dates(DateTime startsOn, DateTime endsOn) =>
        startsOn.Date == endsOn.Date ? VietnamTime.Day(startsOn) : $"{VietnamTime.Day(startsOn)} – {VietnamTime.Day(endsOn)}";
}
