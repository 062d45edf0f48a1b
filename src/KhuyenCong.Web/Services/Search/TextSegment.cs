namespace KhuyenCong.Web.Services.Search;

/// <summary>A piece of plain text, highlighted or not. Views encode it; no HTML is built here.</summary>
public sealed record TextSegment(string Text, bool IsMatch);
