using System.Security.Claims;
using KhuyenCong.Web.Models;

namespace KhuyenCong.Web.Services.Content;

public enum WorkflowAction
{
    Save,
    Submit,
    Publish,
    SendBack,
    Archive,
    Delete,
}

/// <summary>
/// Draft → InReview → Published → Archived. Editors write and submit; publishers publish, send back with a
/// note, archive and delete; admins may do everything. Editors may only change items not yet published.
/// </summary>
public static class Workflow
{
    public static bool CanPublish(ClaimsPrincipal user) =>
        user?.IsInRole(Roles.Admin) == true || user?.IsInRole(Roles.Publisher) == true;

    public static bool IsAllowed(ClaimsPrincipal user, ContentStatus from, WorkflowAction action, bool isNew) => action switch
    {
        WorkflowAction.Save or WorkflowAction.Submit when !CanPublish(user) =>
            isNew || from is ContentStatus.Draft or ContentStatus.InReview,
        WorkflowAction.Save => true,
        WorkflowAction.Submit => isNew || from is ContentStatus.Draft or ContentStatus.InReview,
        WorkflowAction.Publish => CanPublish(user),
        WorkflowAction.SendBack => CanPublish(user) && from == ContentStatus.InReview,
        WorkflowAction.Archive => CanPublish(user) && from == ContentStatus.Published,
        WorkflowAction.Delete => CanPublish(user) && !isNew,
        _ => false,
    };

    /// <summary>The status after the action (Save keeps it; a new item starts as a draft).</summary>
    public static ContentStatus Next(ContentStatus from, WorkflowAction action, bool isNew) => action switch
    {
        WorkflowAction.Submit => ContentStatus.InReview,
        WorkflowAction.Publish => ContentStatus.Published,
        WorkflowAction.SendBack => ContentStatus.Draft,
        WorkflowAction.Archive => ContentStatus.Archived,
        _ => isNew ? ContentStatus.Draft : from,
    };

    public static string Label(ContentStatus status) => status switch
    {
        ContentStatus.Draft => "Bản nháp",
        ContentStatus.InReview => "Chờ duyệt",
        ContentStatus.Published => "Đã đăng",
        ContentStatus.Archived => "Đã gỡ",
        _ => status.ToString(),
    };

    public static string AuditAction(WorkflowAction action) => action switch
    {
        WorkflowAction.Save => "save",
        WorkflowAction.Submit => "submit",
        WorkflowAction.Publish => "publish",
        WorkflowAction.SendBack => "send-back",
        WorkflowAction.Archive => "archive",
        _ => "delete",
    };
}
