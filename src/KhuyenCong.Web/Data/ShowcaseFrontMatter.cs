namespace KhuyenCong.Web.Data;

// The YAML front-matter shapes of content/tv, content/showrooms and content/fairs: property bags that only
// ContentImporter.Showcase.cs reads, kept together (as FrontMatter.cs keeps the news ones) so one folder's file
// format is read in one place.

#pragma warning disable CA1812 // Created by YamlDotNet.
internal sealed class TvFile
{
    public string? Title { get; set; }
    public string? Slug { get; set; }
    public int? Episode { get; set; }
    public string? AirDate { get; set; }
    public string? Channel { get; set; }
    public string? Duration { get; set; }
    public string? Topic { get; set; }
    public string? Summary { get; set; }
    public string? Image { get; set; }
    public string? ImageAlt { get; set; }
    public string? Video { get; set; }
    public string? ExternalUrl { get; set; }
    public string? Date { get; set; }
    public bool Sample { get; set; }
    public string? Status { get; set; }
}

internal sealed class GalleryFile
{
    public string? File { get; set; }
    public string? Alt { get; set; }
    public string? Caption { get; set; }
}

internal sealed class ShowroomFile
{
    public string? Title { get; set; }
    public string? Slug { get; set; }
    public string? Date { get; set; }
    public string? Establishment { get; set; }
    public string? Address { get; set; }
    public string? Place { get; set; }
    public string? OpeningHours { get; set; }
    public int? YearSupported { get; set; }
    public string? Summary { get; set; }
    public string? Image { get; set; }
    public string? ImageAlt { get; set; }
    public List<GalleryFile> Gallery { get; set; } = [];
    public List<string> Products { get; set; } = [];
    public bool Sample { get; set; }
    public string? Status { get; set; }
}

internal sealed class ParticipantFile
{
    public string? Establishment { get; set; }
    public string? Booth { get; set; }
    public bool Supported { get; set; } = true;
}

internal sealed class FairFile
{
    public string? Title { get; set; }
    public string? Slug { get; set; }
    public string? Date { get; set; }
    public string? Organiser { get; set; }
    public string? HostProvince { get; set; }
    public string? Level { get; set; }
    public string? Starts { get; set; }
    public string? Ends { get; set; }
    public string? Venue { get; set; }
    public string? Address { get; set; }
    public string? RegistrationDeadline { get; set; }
    public string? HowToApply { get; set; }
    public string? FundingLine { get; set; }
    public string? Summary { get; set; }
    public string? Image { get; set; }
    public string? ImageAlt { get; set; }
    public List<GalleryFile> Gallery { get; set; } = [];
    public List<ParticipantFile> Participants { get; set; } = [];
    public string? Results { get; set; }
    public bool Sample { get; set; }
    public string? Status { get; set; }
}
#pragma warning restore CA1812
