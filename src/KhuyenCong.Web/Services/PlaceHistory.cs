using KhuyenCong.Web.Models;

namespace KhuyenCong.Web.Services;

/// <summary>
/// A place as it was written when recorded ("huyện Giồng Trôm, tỉnh Bến Tre") and, when it no longer exists, the
/// unit that covers it now ("nay thuộc tỉnh Vĩnh Long"). Needs the place with its Parent and Successor chain loaded.
/// </summary>
public static class PlaceHistory
{
    public sealed record Display(string AsRecorded, string? NowPartOf);

    public static Display Describe(Place place, DateTime today)
    {
        ArgumentNullException.ThrowIfNull(place);
        var asRecorded = place.Parent is { } parent ? $"{place.Name}, {parent.Name}" : place.Name;
        if (place.IsValidOn(today))
        {
            return new Display(asRecorded, null);
        }

        // Follow successors (a district to its old province to the new one) until a unit valid today.
        var current = place.Successor ?? place.Parent?.Successor;
        for (var hops = 0; current is not null && !current.IsValidOn(today) && hops < 5; hops++)
        {
            current = current.Successor;
        }

        return new Display(asRecorded, current is null ? null : "nay thuộc " + current.Name);
    }
}
