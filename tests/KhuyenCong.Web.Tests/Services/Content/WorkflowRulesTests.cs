using System.Security.Claims;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Services;

namespace KhuyenCong.Web.Tests.Services.Content;

/// <summary>The editorial workflow's rules on their own: who may do what from which status, and where it leads.</summary>
public class WorkflowRulesTests
{
    private static ClaimsPrincipal As(string role) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, role), new Claim(ClaimTypes.Role, role)], "test"));

    [Theory]
    [InlineData(ContentStatus.Draft, WorkflowAction.Save, true)]
    [InlineData(ContentStatus.InReview, WorkflowAction.Submit, true)]
    [InlineData(ContentStatus.Published, WorkflowAction.Save, false)]
    [InlineData(ContentStatus.Archived, WorkflowAction.Submit, false)]
    [InlineData(ContentStatus.Draft, WorkflowAction.Publish, false)]
    [InlineData(ContentStatus.InReview, WorkflowAction.SendBack, false)]
    [InlineData(ContentStatus.Published, WorkflowAction.Archive, false)]
    [InlineData(ContentStatus.Draft, WorkflowAction.Delete, false)]
    public void An_editor_writes_and_submits_only_unpublished_items(ContentStatus from, WorkflowAction action, bool allowed) =>
        Assert.Equal(allowed, Workflow.IsAllowed(As(Roles.Editor), from, action, isNew: false));

    [Theory]
    [InlineData(Roles.Publisher)]
    [InlineData(Roles.Admin)]
    public void Publishers_and_admins_publish_send_back_archive_and_delete(string role)
    {
        var user = As(role);
        Assert.True(Workflow.CanPublish(user));
        Assert.True(Workflow.IsAllowed(user, ContentStatus.Published, WorkflowAction.Save, false));
        Assert.True(Workflow.IsAllowed(user, ContentStatus.Draft, WorkflowAction.Publish, false));
        Assert.True(Workflow.IsAllowed(user, ContentStatus.InReview, WorkflowAction.SendBack, false));
        Assert.False(Workflow.IsAllowed(user, ContentStatus.Draft, WorkflowAction.SendBack, false));
        Assert.True(Workflow.IsAllowed(user, ContentStatus.Published, WorkflowAction.Archive, false));
        Assert.False(Workflow.IsAllowed(user, ContentStatus.Draft, WorkflowAction.Archive, false));
        Assert.True(Workflow.IsAllowed(user, ContentStatus.Archived, WorkflowAction.Delete, false));
        Assert.False(Workflow.IsAllowed(user, ContentStatus.Draft, WorkflowAction.Delete, true));
    }

    [Fact]
    public void A_new_item_can_be_saved_and_submitted_by_an_editor()
    {
        Assert.True(Workflow.IsAllowed(As(Roles.Editor), ContentStatus.Published, WorkflowAction.Save, isNew: true));
        Assert.True(Workflow.IsAllowed(As(Roles.Editor), ContentStatus.Published, WorkflowAction.Submit, isNew: true));
        Assert.False(Workflow.CanPublish(new ClaimsPrincipal(new ClaimsIdentity())));
    }

    [Theory]
    [InlineData(ContentStatus.Published, WorkflowAction.Save, false, ContentStatus.Published)]
    [InlineData(ContentStatus.Published, WorkflowAction.Save, true, ContentStatus.Draft)]
    [InlineData(ContentStatus.Draft, WorkflowAction.Submit, false, ContentStatus.InReview)]
    [InlineData(ContentStatus.Draft, WorkflowAction.Publish, false, ContentStatus.Published)]
    [InlineData(ContentStatus.InReview, WorkflowAction.SendBack, false, ContentStatus.Draft)]
    [InlineData(ContentStatus.Published, WorkflowAction.Archive, false, ContentStatus.Archived)]
    public void Each_action_leads_to_its_status(ContentStatus from, WorkflowAction action, bool isNew, ContentStatus expected) =>
        Assert.Equal(expected, Workflow.Next(from, action, isNew));

    [Fact]
    public void Every_status_has_a_vietnamese_label() =>
        Assert.All(Enum.GetValues<ContentStatus>(), s => Assert.NotEqual(s.ToString(), Workflow.Label(s)));

    [Theory]
    [InlineData(ContentStatus.Draft)]
    [InlineData(ContentStatus.InReview)]
    [InlineData(ContentStatus.Published)]
    [InlineData(ContentStatus.Archived)]
    public void A_publisher_may_delete_a_saved_item_in_any_status_and_an_editor_never(ContentStatus from)
    {
        Assert.True(Workflow.IsAllowed(As(Roles.Publisher), from, WorkflowAction.Delete, isNew: false));
        Assert.False(Workflow.IsAllowed(As(Roles.Editor), from, WorkflowAction.Delete, isNew: false));
    }

    [Fact]
    public void Someone_without_a_role_is_held_to_the_editors_rules()
    {
        var nobody = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "x")], "test"));
        Assert.True(Workflow.IsAllowed(nobody, ContentStatus.Draft, WorkflowAction.Save, isNew: false));
        Assert.False(Workflow.IsAllowed(nobody, ContentStatus.Published, WorkflowAction.Save, isNew: false));
        Assert.False(Workflow.IsAllowed(nobody, ContentStatus.InReview, WorkflowAction.Publish, isNew: false));
        Assert.False(Workflow.CanPublish(null!));
    }

    [Theory]
    [InlineData(WorkflowAction.Submit, ContentStatus.InReview)]
    [InlineData(WorkflowAction.Publish, ContentStatus.Published)]
    [InlineData(WorkflowAction.Save, ContentStatus.Draft)]
    public void A_new_item_goes_where_its_first_action_sends_it(WorkflowAction action, ContentStatus expected) =>
        Assert.Equal(expected, Workflow.Next(ContentStatus.Published, action, isNew: true));

    [Fact]
    public void Labels_and_audit_codes_are_distinct_per_status_and_action()
    {
        Assert.Equal("Bản nháp", Workflow.Label(ContentStatus.Draft));
        Assert.Equal("Chờ duyệt", Workflow.Label(ContentStatus.InReview));
        Assert.Equal("Đã đăng", Workflow.Label(ContentStatus.Published));
        Assert.Equal("Đã gỡ", Workflow.Label(ContentStatus.Archived));
        var codes = Enum.GetValues<WorkflowAction>().Select(Workflow.AuditAction).ToList();
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.All(codes, c => Assert.Matches("^[a-z-]+$", c));
    }
}
