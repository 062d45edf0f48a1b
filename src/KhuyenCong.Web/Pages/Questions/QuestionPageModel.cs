using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace KhuyenCong.Web.Pages.Questions;

/// <summary>
/// The ask form, its confirmation and the lookup: they hold forms with antiforgery tokens or personal data, so
/// they are never output-cached (each page also carries <c>[OutputCache(NoStore = true)]</c>) nor stored by browsers.
/// </summary>
public abstract class QuestionPageModel : SitePageModel
{
    public const string Start = "/hoi-dap";

    public string? ProblemHeading { get; private set; }
    public string? ProblemText { get; private set; }
    public string? ProblemLink { get; private set; }
    public string? ProblemLinkText { get; private set; }

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // Exactly what the antiforgery component sets on a page with a form.
        context.HttpContext.Response.Headers.CacheControl = "no-cache, no-store";
        context.HttpContext.Response.Headers.Pragma = "no-cache";
    }

    protected void Describe(string title)
    {
        PageTitle = title;
        Section = "qa";
        Breadcrumbs.Add(("Hỏi đáp", Start));
        Breadcrumbs.Add((title, null));
    }

    /// <summary>Answers a refused request with a Vietnamese explanation and a way on, in the page's layout.</summary>
    protected IActionResult Problem(int status, string heading, string text, string link, string linkText)
    {
        (ProblemHeading, ProblemText, ProblemLink, ProblemLinkText) = (heading, text, link, linkText);
        MarkRefused(status, heading);
        return Page();
    }
}
