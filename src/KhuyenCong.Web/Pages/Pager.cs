namespace KhuyenCong.Web.Pages;

/// <summary>Page numbers for a list; links keep the list's other query values.</summary>
public sealed class Pager(int current, int pageSize, int total, Func<int, string> link)
{
    public int Current { get; } = current;
    public int PageSize { get; } = pageSize;
    public int Total { get; } = total;
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public int Skip => (Current - 1) * PageSize;
    public bool IsBeyondEnd => Current > PageCount;

    public string Link(int page) => link(page);

    /// <summary>
    /// Up to five page numbers around the current page. A page past the end (an old link, a typed address) gets the
    /// last pages, so the list still leads back to where the items are.
    /// </summary>
    public IEnumerable<int> Window()
    {
        var around = Math.Min(Current, PageCount);
        var from = Math.Max(1, around - 2);
        var to = Math.Min(PageCount, around + 2);
        return Enumerable.Range(from, to - from + 1);
    }

    /// <summary>"/tin-tuc" for page 1, "/tin-tuc?trang=N" otherwise.</summary>
    public static Func<int, string> Simple(string path) => n => n == 1 ? path : $"{path}?trang={n}";
}
