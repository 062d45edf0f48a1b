using System.ComponentModel.DataAnnotations;
using KhuyenCong.Web.Data;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Pages.Admin.Establishments;
using KhuyenCong.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

// Over 150 lines: a fair has the most dated fields of the showcase editors plus repeatable participant rows, each checked
// against the establishments (the shared date and image checks live in ShowcaseForms, the gallery in GalleryRows).
namespace KhuyenCong.Web.Pages.Admin.Fairs;

/// <summary>Create/edit a fair: dates, venue, how to apply, funding, photos, results and participants (repeatable rows).</summary>
public class EditModel(AppDbContext db, ContentPublisher publisher, MarkdownRenderer markdown, TimeProvider clock)
    : ContentEditModel<Fair, EditModel.FairExtra>(db, publisher, markdown, clock)
{
    /// <summary>Blank participant rows offered below the filled ones (the form works without JavaScript).</summary>
    public const int BlankRows = 3;
    public const int MaxRows = 300;

    public sealed class FairInput
    {
        [StringLength(300, ErrorMessage = "Tối đa 300 ký tự.")][Display(Name = "Đơn vị tổ chức")] public string? Organiser { get; set; }
        [StringLength(100, ErrorMessage = "Tối đa 100 ký tự.")][Display(Name = "Tỉnh, thành đăng cai")] public string? HostProvince { get; set; }
        [Display(Name = "Cấp")] public FairLevel? Level { get; set; }
        [Display(Name = "Ngày bắt đầu")] public string? StartsOn { get; set; }
        [Display(Name = "Ngày kết thúc")] public string? EndsOn { get; set; }
        [StringLength(300, ErrorMessage = "Tối đa 300 ký tự.")][Display(Name = "Địa điểm")] public string? Venue { get; set; }
        [StringLength(300, ErrorMessage = "Tối đa 300 ký tự.")][Display(Name = "Địa chỉ")] public string? Address { get; set; }
        [Display(Name = "Hạn đăng ký (tùy chọn)")] public string? RegistrationDeadline { get; set; }
        [StringLength(20_000, ErrorMessage = "Quá dài.")][Display(Name = "Cách đăng ký tham gia (Markdown)")] public string? HowToApply { get; set; }
        [StringLength(300, ErrorMessage = "Tối đa 300 ký tự.")][Display(Name = "Nguồn kinh phí")] public string? FundingLine { get; set; }
        [StringLength(64, ErrorMessage = "Mã ảnh không hợp lệ.")][Display(Name = "Ảnh đại diện")] public string? FeaturedImage { get; set; }
        [StringLength(300, ErrorMessage = "Tối đa 300 ký tự.")][Display(Name = "Mô tả ảnh đại diện")] public string? FeaturedImageAlt { get; set; }
        public List<GalleryRow> Gallery { get; set; } = [];
        [StringLength(MarkdownRenderer.MaxInputChars, ErrorMessage = "Quá dài.")][Display(Name = "Báo cáo kết quả (Markdown, sau hội chợ)")] public string? Results { get; set; }
    }

    public sealed class ParticipantRow
    {
        public int? EstablishmentId { get; set; }
        [StringLength(100, ErrorMessage = "Tối đa 100 ký tự.")] public string? Booth { get; set; }
        public bool Supported { get; set; }
    }

    /// <summary>The dates as read, the gallery's images, the filled participant rows and the one added below them.</summary>
    public sealed record FairExtra(DateTime? Starts, DateTime? Ends, DateTime? Deadline, List<GalleryImage> Gallery, List<ParticipantRow> Rows, Establishment? Added);

    [BindProperty] public FairInput Extra { get; set; } = new();

    /// <summary>The form's image fields, filled with the media picker.</summary>
    protected override IReadOnlyList<ImageTarget> ImageTargets =>
    [
        new("anh-dai-dien", "Ảnh đại diện", "Extra.FeaturedImage", Extra.FeaturedImage, m =>
        {
            Extra.FeaturedImage = m.StorageName;
            Extra.FeaturedImageAlt = m.AltText;
        }),
        new("bo-anh", "Bộ ảnh", null, null, m => MediaPicker.AddToGallery(Extra.Gallery, m)),
    ];
    [BindProperty] public List<ParticipantRow> Participants { get; set; } = [];
    public IReadOnlyList<(int Id, string Name)> Establishments { get; private set; } = [];
    /// <summary>One more participant: an existing establishment, or a new one created on save.</summary>
    [BindProperty(Name = nameof(NewParticipant))] public EstablishmentPick NewParticipant { get; set; } = new();
    public EstablishmentPickerView NewParticipantPicker { get; private set; } = null!;

    protected override IQueryable<Fair> Items => Db.Fairs.Include(f => f.Participants);
    protected override Fair Create() => new() { Title = "", Slug = "" };

    /// <summary>The rows to render: the filled ones, then blank ones to add more.</summary>
    public IReadOnlyList<ParticipantRow> Rows =>
        [.. Participants.Where(p => p.EstablishmentId is not null), .. Enumerable.Range(0, BlankRows).Select(_ => new ParticipantRow { Supported = true })];

    protected override async Task LoadExtraAsync(Fair? item, CancellationToken ct)
    {
        Establishments = (await Db.Establishments.AsNoTracking().OrderBy(e => e.Name).Select(e => new { e.Id, e.Name }).ToListAsync(ct))
            .Select(e => (e.Id, e.Name)).ToList();
        if (item is not null && Request.Method == HttpMethods.Get)
        {
            Extra = new FairInput
            {
                Organiser = item.Organiser, HostProvince = item.HostProvince, Level = item.Level,
                StartsOn = ShowcaseForms.DayInput(item.StartsOn), EndsOn = ShowcaseForms.DayInput(item.EndsOn),
                Venue = item.Venue, Address = item.Address, RegistrationDeadline = ShowcaseForms.DayInput(item.RegistrationDeadline),
                HowToApply = item.HowToApply, FundingLine = item.FundingLine, FeaturedImage = item.FeaturedImage,
                FeaturedImageAlt = item.FeaturedImageAlt, Gallery = GalleryRows.From(item.Gallery), Results = item.ResultsMarkdown,
            };
            var names = Establishments.ToDictionary(e => e.Id, e => e.Name);
            Participants = item.Participants.OrderBy(p => names.GetValueOrDefault(p.EstablishmentId), StringComparer.Ordinal)
                .Select(p => new ParticipantRow { EstablishmentId = p.EstablishmentId, Booth = p.Booth, Supported = p.ProgrammeSupported }).ToList();
        }

        NewParticipantPicker = await EstablishmentPicker.ViewAsync(Db, nameof(NewParticipant), NewParticipant, "Thêm một cơ sở tham gia", required: false, ct);
        GalleryRows.Pad(Extra.Gallery, 3);
    }

    protected override async Task<FairExtra> ParseExtraAsync(CancellationToken ct)
    {
        Require(Extra.Organiser, "Extra.Organiser", "Nhập đơn vị tổ chức.");
        Require(Extra.HostProvince, "Extra.HostProvince", "Nhập tỉnh, thành đăng cai.");
        Require(Extra.Venue, "Extra.Venue", "Nhập địa điểm tổ chức.");
        if (Extra.Level is not { } level || !Enum.IsDefined(level))
        {
            ModelState.AddModelError("Extra.Level", "Chọn cấp hội chợ.");
        }

        var starts = ShowcaseForms.Day(ModelState, Extra.StartsOn, "Extra.StartsOn");
        var ends = ShowcaseForms.Day(ModelState, Extra.EndsOn, "Extra.EndsOn");
        var deadline = ShowcaseForms.Day(ModelState, Extra.RegistrationDeadline, "Extra.RegistrationDeadline");
        if (starts is null && string.IsNullOrWhiteSpace(Extra.StartsOn))
        {
            ModelState.AddModelError("Extra.StartsOn", "Nhập ngày bắt đầu.");
        }

        if (ends is null && string.IsNullOrWhiteSpace(Extra.EndsOn))
        {
            ModelState.AddModelError("Extra.EndsOn", "Nhập ngày kết thúc.");
        }

        if (starts is not null && ends is not null && ends < starts)
        {
            ModelState.AddModelError("Extra.EndsOn", "Ngày kết thúc phải từ ngày bắt đầu trở đi.");
        }

        if (deadline is not null && ends is not null && deadline > ends)
        {
            ModelState.AddModelError("Extra.RegistrationDeadline", "Hạn đăng ký phải trước khi hội chợ kết thúc.");
        }

        await ShowcaseForms.CheckImageAsync(Db, ModelState, Extra.FeaturedImage, Extra.FeaturedImageAlt, "Extra.FeaturedImage", "Extra.FeaturedImageAlt", ct);
        var gallery = await GalleryRows.ReadAsync(Db, Extra.Gallery, ModelState, "Extra.Gallery", ct);
        if (Participants.Count > MaxRows + BlankRows)
        {
            ModelState.AddModelError("Participants", $"Tối đa {MaxRows} cơ sở tham gia.");
            return new FairExtra(starts, ends, deadline, gallery, [], null);
        }

        var rows = Participants.Where(p => p.EstablishmentId is not null).ToList();
        foreach (var (row, i) in rows.Select((r, i) => (r, i)))
        {
            if (!Establishments.Any(e => e.Id == row.EstablishmentId))
            {
                ModelState.AddModelError("Participants", $"Dòng {i + 1}: cơ sở không tồn tại.");
            }
        }

        foreach (var twice in rows.GroupBy(r => r.EstablishmentId).Where(g => g.Count() > 1))
        {
            var name = Establishments.FirstOrDefault(e => e.Id == twice.Key).Name;
            ModelState.AddModelError("Participants", $"Cơ sở “{name}” được ghi hai lần.");
        }

        var added = await EstablishmentPicker.ResolveAsync(Db, NewParticipant, nameof(NewParticipant), ModelState,
            Clock.GetUtcNow().UtcDateTime, User.Identity?.Name, required: false, ct);
        if (added is { Id: > 0 } && rows.Any(r => r.EstablishmentId == added.Id))
        {
            ModelState.AddModelError("NewParticipant.Id", $"Cơ sở “{added.Name}” đã có trong danh sách tham gia.");
        }

        return new FairExtra(starts, ends, deadline, gallery, rows, added);
    }

    private void Require(string? value, string field, string message)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            ModelState.AddModelError(field, message);
        }
    }

    protected override void ApplyExtra(Fair item, FairExtra extra)
    {
        item.Organiser = Extra.Organiser!.Trim();
        item.HostProvince = Extra.HostProvince!.Trim();
        item.Level = Extra.Level!.Value;
        item.StartsOn = extra.Starts!.Value;
        item.EndsOn = extra.Ends!.Value;
        item.RegistrationDeadline = extra.Deadline;
        item.Venue = Extra.Venue!.Trim();
        item.Address = Extra.Address?.Trim() ?? "";
        item.HowToApply = Extra.HowToApply?.Replace("\r\n", "\n", StringComparison.Ordinal).Trim() ?? "";
        item.FundingLine = string.IsNullOrWhiteSpace(Extra.FundingLine) ? null : Extra.FundingLine.Trim();
        item.FeaturedImage = Extra.FeaturedImage!.Trim();
        item.FeaturedImageAlt = Extra.FeaturedImageAlt!.Trim();
        item.Gallery = extra.Gallery;
        item.ResultsMarkdown = Extra.Results?.Replace("\r\n", "\n", StringComparison.Ordinal).Trim() ?? "";

        // Update rows in place so that (fair, establishment) stays unique at every step of the save.
        item.Participants.RemoveAll(p => !extra.Rows.Any(r => r.EstablishmentId == p.EstablishmentId));
        foreach (var r in extra.Rows)
        {
            var row = item.Participants.FirstOrDefault(p => p.EstablishmentId == r.EstablishmentId);
            if (row is null)
            {
                row = new FairParticipation { EstablishmentId = r.EstablishmentId!.Value };
                item.Participants.Add(row);
            }

            row.Booth = string.IsNullOrWhiteSpace(r.Booth) ? null : r.Booth.Trim();
            row.ProgrammeSupported = r.Supported;
        }

        if (extra.Added is { } added)
        {
            item.Participants.Add(new FairParticipation { Establishment = added, EstablishmentId = added.Id, ProgrammeSupported = true });
        }
    }
}
