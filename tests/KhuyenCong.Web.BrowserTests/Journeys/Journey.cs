using System.Text.RegularExpressions;

namespace KhuyenCong.Web.BrowserTests.Journeys;

/// <summary>Locators and page facts shared by the journeys.</summary>
public static class Journey
{
    /// <summary>The main menu's links, in order, and where each leads.</summary>
    public static readonly IReadOnlyList<(string Name, string Path)> MenuLinks =
    [
        ("Trang chủ", "/"), ("Tin tức", "/tin-tuc"), ("Văn bản", "/van-ban"), ("Sản phẩm", "/san-pham"), ("Cơ sở", "/co-so"), ("Phòng trưng bày", "/phong-trung-bay"), ("Hội chợ", "/hoi-cho"), ("Truyền hình", "/truyen-hinh"),
        ("Chương trình", "/chuong-trinh"), ("Đăng ký hỗ trợ", "/dang-ky-ho-tro"), ("Hỏi đáp", "/hoi-dap"), ("Liên hệ", "/lien-he"),
    ];

    /// <summary>Waits until the page's URL has this path and no query (polls the URL: no race with the load event).</summary>
    public static Task ExpectPathAsync(IPage page, string path) =>
        Assertions.Expect(page).ToHaveURLAsync(new Regex("^https?://[^/]+" + Regex.Escape(path) + "$"));

    public static ILocator MainMenu(IPage page) => page.GetByRole(AriaRole.Navigation, new() { Name = "Điều hướng chính" });

    /// <summary>What has the keyboard focus: enough to find it and to tell whether its focus is visible.</summary>
    public const string FocusedScript = """
        () => {
            const e = document.activeElement;
            if (!e || e === document.body) return { tag: 'BODY', id: '', text: '', href: '', inMenu: false, inResults: false, focusVisible: false, outline: 'none', inViewport: false };
            const s = getComputedStyle(e);
            const r = e.getBoundingClientRect();
            return {
                tag: e.tagName, id: e.id || '', text: (e.innerText || e.value || '').trim(), href: e.getAttribute('href') || '',
                inMenu: !!e.closest('nav.main-nav'), inResults: !!e.closest('.search-results'), focusVisible: e.matches(':focus-visible'),
                outline: s.outlineStyle + ' ' + s.outlineWidth,
                inViewport: r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth,
            };
        }
        """;

    /// <summary>Presses Tab until <paramref name="wanted"/> holds for the focused element (at most 40 presses).</summary>
    public static async Task<Focused> TabUntilAsync(IPage page, Func<Focused, bool> wanted, string what)
    {
        var seen = new List<string>();
        for (var i = 0; i < 80; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<Focused>(FocusedScript);
            if (wanted(focused))
            {
                return focused;
            }

            seen.Add($"{focused.Tag} '{focused.Text}'");
        }

        throw new Xunit.Sdk.XunitException($"Tab never reached {what}; focus went through: {string.Join(", ", seen)}");
    }

    public static void AssertFocusIsVisible(Focused focused)
    {
        Assert.True(focused.FocusVisible, $"{focused.Tag} '{focused.Text}' has focus but does not match :focus-visible");
        Assert.False(focused.Outline.StartsWith("none", StringComparison.Ordinal) || focused.Outline.EndsWith(" 0px", StringComparison.Ordinal),
            $"{focused.Tag} '{focused.Text}' has no visible focus outline ({focused.Outline})");
        Assert.True(focused.InViewport, $"{focused.Tag} '{focused.Text}' has focus but is not inside the viewport");
    }
}

/// <summary>The focused element, as <see cref="Journey.FocusedScript"/> describes it (settable: Playwright fills it).</summary>
public sealed class Focused
{
    public string Tag { get; set; } = "";
    public string Id { get; set; } = "";
    public string Text { get; set; } = "";
    public string Href { get; set; } = "";
    public bool InMenu { get; set; }
    public bool InResults { get; set; }
    public bool FocusVisible { get; set; }
    public string Outline { get; set; } = "";
    public bool InViewport { get; set; }
}
