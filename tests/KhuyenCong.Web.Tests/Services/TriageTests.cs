using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services.Questions;
using KhuyenCong.Web.Services.Registrations;

namespace KhuyenCong.Web.Tests.Services;

/// <summary>The parts a question and a registration share (<see cref="TriageRecord{TStatus, TKind, TEvent}"/>).</summary>
public sealed class TriageTests
{
    /// <summary>Shared code writes the shared kinds by number into each record's own kind enum: names and numbers must agree.</summary>
    [Theory]
    [InlineData(typeof(QuestionEventKind))]
    [InlineData(typeof(RegistrationEventKind))]
    public void Every_shared_event_kind_has_the_same_name_and_number_in_each_record_kind(Type kinds)
    {
        foreach (var shared in Enum.GetValues<TriageEventKind>())
        {
            Assert.Equal(shared.ToString(), Enum.GetName(kinds, (int)shared));
        }
    }

    [Fact]
    public void Erasing_clears_the_persons_fields_and_the_history_texts_and_keeps_the_statistics()
    {
        var at = new DateTime(2026, 12, 1, 3, 0, 0, DateTimeKind.Utc);
        var r = new Registration
        {
            Reference = "KC-2026-000001", ConsentVersion = "v", Sector = "thuc-pham", SupportLines = "|may-moc|", Timing = "6-thang",
            EstablishmentName = "Cơ sở A", OtherTypeText = "Tổ hợp tác", MainProducts = "Bánh", OtherSupportText = "Bao bì", MachineDescription = "Máy",
            ProjectSummary = "Dự án", ContactName = "Nguyễn Văn A", ContactRole = "Chủ cơ sở", Phone = "0912345678", Email = "a@example.vn",
            TaxCode = "0101234567", Workers = 12, Investment = 500, Status = RegistrationStatus.Reviewing,
        };
        r.AddEvent(RegistrationEventKind.PublicReply, at, "cán bộ", "Trả lời");
        r.ErasePersonalData(at.AddDays(1), "hệ thống", "Hết hạn");
        Assert.All(new[] { r.EstablishmentName, r.OtherTypeText, r.MainProducts, r.OtherSupportText, r.MachineDescription, r.ProjectSummary,
            r.ContactName, r.ContactRole, r.Phone, r.Email, r.TaxCode }, Assert.Null);
        Assert.Equal((12, 500L, RegistrationStatus.Reviewing), (r.Workers, r.Investment, r.Status));
        Assert.Equal(at.AddDays(1), r.PersonalDataErasedAt);
        Assert.Null(r.Events[0].Text);
        Assert.Equal((RegistrationEventKind.Erased, "Hết hạn", "hệ thống"), (r.Events[^1].Kind, r.Events[^1].Text, r.Events[^1].Actor));

        var q = new Question { Reference = "HD-2026-000001", ConsentVersion = "v", Title = "T", Text = "X", AskerName = "B", Organisation = "O", Phone = "0912345678", Email = "b@example.vn", Topic = 2 };
        q.ErasePersonalData(at, "cán bộ", "Theo yêu cầu");
        Assert.All(new[] { q.Title, q.Text, q.AskerName, q.Organisation, q.Phone, q.Email }, Assert.Null);
        Assert.Equal(2, q.Topic);
        Assert.Equal(QuestionEventKind.Erased, Assert.Single(q.Events).Kind);
    }

    /// <summary>The lookups read the reference and word its problems from the record's type, as each lookup did on its own before.</summary>
    [Fact]
    public void The_lookups_read_and_refuse_references_of_their_own_shape()
    {
        var q = QuestionCatalog.Triage;
        var r = RegistrationCatalog.Triage;
        Assert.Equal("HD-2026-000123", q.ParseReference("  hd-2026-000123 "));
        Assert.Equal("KC-2026-000007", r.Format(2026, 7));
        Assert.Null(q.ParseReference("KC-2026-000123"));
        Assert.Null(r.ParseReference("KC-2026-0001234"));
        Assert.Equal("Nhập mã số câu hỏi.", q.ReferenceProblem("   "));
        Assert.Equal("Mã số câu hỏi có dạng HD-2026-000123.", q.ReferenceProblem("HD-26-1"));
        Assert.Equal("Nhập mã số hồ sơ.", r.ReferenceProblem(null));
        Assert.Equal("Mã số hồ sơ có dạng KC-2026-000123.", r.ReferenceProblem("HD-2026-000123"));
        Assert.Null(r.ReferenceProblem("kc-2026-000123"));
    }
}
